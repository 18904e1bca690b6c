package io.caspian.link;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** A link's live counters: written from I/O and caller threads, read as a snapshot. */
final class Counters {
    final LongAdder messagesIn = new LongAdder();
    final LongAdder messagesOut = new LongAdder();
    final LongAdder formatErrors = new LongAdder();
    final LongAdder brokenFrames = new LongAdder();
    final LongAdder refusedSends = new LongAdder();
    final LongAdder connects = new LongAdder();
    final LongAdder disconnects = new LongAdder();
    final LongAdder echoTimeouts = new LongAdder();
    final AtomicLong lastEchoEpochMs = new AtomicLong();

    LinkCounters snapshot() {
        return new LinkCounters(messagesIn.sum(), messagesOut.sum(), formatErrors.sum(),
                brokenFrames.sum(), refusedSends.sum(), connects.sum(), disconnects.sum(),
                echoTimeouts.sum(), lastEchoEpochMs.get());
    }
}
