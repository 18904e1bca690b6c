package io.caspian.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.iso8583.IsoMessage;
import io.caspian.iso8583.dialect.Dialect;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OverloadIT {
    private static final int QUEUE_MAX = 100;

    @Test
    void aPeerThatStopsReadingGetsQueueFullAndTheQueueStaysBounded() throws Exception {
        Dialect d = Messages.dialect("iso87-binary");
        try (LinkRuntime runtime = LinkRuntime.create(1);
                ScriptedPeer peer = new ScriptedPeer(d, ScriptedPeer.binary2())) {
            LinkConfig c = Configs.withQueueMax(Configs.connect(d, peer.port(), Duration.ZERO,
                    false), QUEUE_MAX);
            NettyLink link = new NettyLink(c, new Recorder(), runtime);
            link.start();
            peer.accept(1_000); // and never reads
            Await.until("up", 1_000, () -> link.state() == LinkState.SIGNED_ON);

            IsoMessage request = Messages.request(d, 1);
            int maxPending = 0;
            long sent = 0;
            long fullSinceNs = 0;
            long deadline = System.nanoTime() + 10_000_000_000L;
            // Stuck means QUEUE_FULL for 50 ms on end: the socket, not the I/O thread, is full.
            while (fullSinceNs == 0 || System.nanoTime() - fullSinceNs < 50_000_000L) {
                assertThat(System.nanoTime()).as("stuck within 10 s").isLessThan(deadline);
                Link.SendResult r = link.send(request);
                maxPending = Math.max(maxPending, link.pendingWrites());
                if (r == Link.SendResult.SENT) {
                    sent++;
                    fullSinceNs = 0;
                } else {
                    assertThat(r).isEqualTo(Link.SendResult.QUEUE_FULL);
                    fullSinceNs = fullSinceNs == 0 ? System.nanoTime() : fullSinceNs;
                    Thread.onSpinWait();
                }
            }
            assertThat(maxPending).isLessThanOrEqualTo(QUEUE_MAX);
            assertThat(link.pendingWrites()).isLessThanOrEqualTo(QUEUE_MAX);
            assertThat(sent).isGreaterThan(QUEUE_MAX);
            assertThat(link.counters().refusedSends()).isPositive();
            link.stop();
        }
    }
}
