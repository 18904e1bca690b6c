package io.caspian.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.iso8583.IsoMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The small pure parts: state edges, response MTIs, network management per dialect, back-off. */
class UnitsTest {

    @Test
    void everyStatePairIsAllowedOnlyAlongTheDrawnEdges() {
        StringBuilder allowed = new StringBuilder();
        for (LinkState from : LinkState.values()) {
            for (LinkState to : LinkState.values()) {
                if (from.canMoveTo(to)) {
                    allowed.append(from).append("->").append(to).append(' ');
                }
            }
        }
        assertThat(allowed.toString().trim()).isEqualTo("DISCONNECTED->CONNECTED "
                + "CONNECTED->DISCONNECTED CONNECTED->SIGNED_ON SIGNED_ON->DISCONNECTED "
                + "SIGNED_ON->CONNECTED");
    }

    @Test
    void responseMtis() {
        assertThat(FormatErrorReply.responseMti(200)).isEqualTo(210);
        assertThat(FormatErrorReply.responseMti(2200)).isEqualTo(2210);
        assertThat(FormatErrorReply.responseMti(220)).isEqualTo(230);
        assertThat(FormatErrorReply.responseMti(420)).isEqualTo(430);
        assertThat(FormatErrorReply.responseMti(421)).isEqualTo(430);
        assertThat(FormatErrorReply.responseMti(2804)).isEqualTo(2814);
        assertThat(FormatErrorReply.responseMti(800)).isEqualTo(810);
        assertThat(FormatErrorReply.responseMti(210)).isEqualTo(-1);
        assertThat(FormatErrorReply.responseMti(2430)).isEqualTo(-1);
    }

    @Test
    void networkManagementInEachDialect() {
        Clock clock = Clock.fixed(Instant.parse("2025-11-25T06:00:00Z"), ZoneId.of("Asia/Tehran"));
        NetworkManagement mir = new NetworkManagement(Messages.dialect("mir"), "99900", clock);
        IsoMessage signOn = mir.request(NetworkCode.SIGN_ON, 4000);
        assertThat(signOn.toString()).isEqualTo("0800 7=1125060000 11=004000 33=99900 70=001");
        assertThat(mir.response(signOn, mir.approvedCode()).toString())
                .isEqualTo("0810 7=1125060000 11=004000 33=99900 39=00 70=001");

        NetworkManagement shetab = new NetworkManagement(Messages.dialect("shetab"), "9990001",
                clock);
        IsoMessage echo = shetab.request(NetworkCode.ECHO, 700000);
        assertThat(echo.toString()).isEqualTo("2804 7=1125060000 11=000000700000 "
                + "12=20251125093000 24=831 33=9990001 70=301");
        IsoMessage reply = shetab.response(echo, shetab.approvedCode());
        assertThat(reply.getString(39)).isEqualTo("0800");
        assertThat(shetab.isApproved(reply)).isTrue();
        assertThat(shetab.isApproved(reply.set(39, "0904"))).isFalse();
        assertThat(shetab.stanAfter(999_999_999_998L)).isEqualTo(999_999_999_999L);
        assertThat(shetab.stanAfter(999_999_999_999L)).isEqualTo(1L);
        assertThat(mir.stanAfter(0)).isEqualTo(1L);
    }

    @Test
    void backoffDoublesWithJitterWithinTheBounds() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1_000),
                new SplittableRandom(7));
        for (int attempt = 0; attempt < 20; attempt++) {
            long ceiling = Math.min(1_000, 100L << Math.min(attempt, 10));
            long d = b.delayMs(attempt);
            assertThat(d).isBetween(Math.min(ceiling, 1_000) / 2 - 1, 1_000L);
        }
        assertThat(b.delayMs(0)).isBetween(50L, 100L);
        assertThat(b.delayMs(30)).isBetween(500L, 1_000L);
    }
}
