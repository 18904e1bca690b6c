package io.caspian.sim;

import io.caspian.link.Link;
import io.caspian.link.LinkConfig;
import io.caspian.link.LinkHandler;

/**
 * Makes the simulator's link: the wiring passes {@code (c, h) -> new NettyLink(c, h,
 * runtime)}; tests may pass a fake. Called again after a simulated disconnect.
 */
@FunctionalInterface
public interface LinkFactory {

    Link create(LinkConfig config, LinkHandler handler);
}
