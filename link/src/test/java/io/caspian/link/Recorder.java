package io.caspian.link;

import io.caspian.iso8583.CodecFailure;
import io.caspian.iso8583.IsoMessage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/** A LinkHandler that records what it is given and may answer through a reply function. */
final class Recorder implements LinkHandler {
    final List<IsoMessage> messages = new CopyOnWriteArrayList<>();
    final List<CodecFailure> formatErrors = new CopyOnWriteArrayList<>();
    final List<String> stateChanges = new CopyOnWriteArrayList<>();
    private final BiConsumer<Link, IsoMessage> onMessage;

    Recorder() {
        this((link, m) -> { });
    }

    Recorder(BiConsumer<Link, IsoMessage> onMessage) {
        this.onMessage = onMessage;
    }

    /** A handler that approves every request and records the rest. */
    static Recorder approving() {
        return new Recorder((link, m) -> {
            if (m.mtiNumber() / 10 % 2 == 0) {
                link.send(Messages.approval(m));
            }
        });
    }

    @Override
    public void onMessage(Link link, IsoMessage message) {
        messages.add(message);
        onMessage.accept(link, message);
    }

    @Override
    public void onFormatError(Link link, CodecFailure failure) {
        formatErrors.add(failure);
    }

    @Override
    public void onStateChange(Link link, LinkState from, LinkState to) {
        stateChanges.add(from + "->" + to);
    }
}
