package io.caspian.app.wiring;

import io.caspian.core.port.SchemePort;
import io.caspian.iso8583.IsoMessage;
import io.caspian.link.Link;
import io.caspian.link.LinkState;

/** A Netty link as core's port to a scheme. */
final class LinkPort implements SchemePort {
    private final String name;
    private final Link link;
    private final MessageTap tap;

    LinkPort(String name, Link link, MessageTap tap) {
        this.name = name;
        this.link = link;
        this.tap = tap;
    }

    @Override
    public boolean send(IsoMessage message) {
        if (link.send(message) != Link.SendResult.SENT) {
            return false;
        }
        tap.sent(name, message);
        return true;
    }

    @Override
    public boolean isUp() {
        return link.state() == LinkState.SIGNED_ON;
    }
}
