package io.caspian.sim;

import io.caspian.iso8583.IsoMessage;
import io.caspian.link.Link;
import io.caspian.link.LinkConfig;
import io.caspian.link.LinkCounters;
import io.caspian.link.LinkState;
import java.util.ArrayList;
import java.util.List;

/** A link that records what is sent; always signed on until stopped. */
final class FakeLink implements Link {
    final LinkConfig config;
    final List<IsoMessage> sent = new ArrayList<>();
    boolean started;
    boolean stopped;

    FakeLink(LinkConfig config) {
        this.config = config;
    }

    @Override
    public LinkConfig config() {
        return config;
    }

    @Override
    public LinkState state() {
        return started && !stopped ? LinkState.SIGNED_ON : LinkState.DISCONNECTED;
    }

    @Override
    public void start() {
        started = true;
    }

    @Override
    public void stop() {
        stopped = true;
    }

    @Override
    public SendResult send(IsoMessage message) {
        if (stopped) {
            return SendResult.NOT_CONNECTED;
        }
        sent.add(message.copy());
        return SendResult.SENT;
    }

    @Override
    public SendResult signOn() {
        return SendResult.SENT;
    }

    @Override
    public SendResult signOff() {
        return SendResult.SENT;
    }

    @Override
    public SendResult echo() {
        return SendResult.SENT;
    }

    @Override
    public LinkCounters counters() {
        return new LinkCounters(0, sent.size(), 0, 0, 0, 0, 0, 0, 0);
    }
}
