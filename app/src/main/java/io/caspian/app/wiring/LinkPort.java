package io.caspian.app.wiring;

import io.caspian.core.port.SchemePort;
import io.caspian.iso8583.IsoMessage;
import io.caspian.link.Link;
import io.caspian.link.LinkState;

/** A Netty link as core's port to a scheme. */
final class LinkPort implements SchemePort {
    private final Link link;

    LinkPort(Link link) {
        this.link = link;
    }

    @Override
    public boolean send(IsoMessage message) {
        return link.send(message) == Link.SendResult.SENT;
    }

    @Override
    public boolean isUp() {
        return link.state() == LinkState.SIGNED_ON;
    }
}
