package io.caspian.app.wiring;

import io.caspian.console.LinkControl;
import io.caspian.link.LinkCounters;
import io.caspian.link.LinkState;
import io.caspian.link.NettyLink;

/** A Netty link as the console's {@link LinkControl}. */
final class LinkControls implements LinkControl {
    private final String name;
    private final NettyLink link;

    LinkControls(String name, NettyLink link) {
        this.name = name;
        this.link = link;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String state() {
        return link.state().name();
    }

    @Override
    public boolean signedOn() {
        return link.state() == LinkState.SIGNED_ON;
    }

    @Override
    public Counters counters() {
        LinkCounters c = link.counters();
        return new Counters(c.messagesIn(), c.messagesOut(), c.formatErrors(), c.brokenFrames(),
                c.refusedSends(), c.connects(), c.disconnects(), c.echoTimeouts(),
                c.lastEchoEpochMs());
    }

    @Override
    public String signOn() {
        return link.signOn().name();
    }

    @Override
    public String signOff() {
        return link.signOff().name();
    }

    @Override
    public String echo() {
        return link.echo().name();
    }
}
