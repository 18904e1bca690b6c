package io.caspian.core.recon;

import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.iso8583.DecodeResult;
import io.caspian.iso8583.EncodeResult;
import io.caspian.iso8583.IsoCodec;
import io.caspian.iso8583.IsoMessage;
import io.caspian.iso8583.dialect.Dialects;
import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Reconciliation totals survive both dialects' wire encodings to the unit. */
class ReconMessagesTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);

    @Property(tries = 200)
    void totalsRoundTripThroughBothDialects(@ForAll @IntRange(min = 0, max = 1) int dialect,
            @ForAll @LongRange(min = 0, max = 9_999_999_999L) long debits,
            @ForAll @LongRange(min = 0, max = 999_999_999_999_999L) long debitsMinor,
            @ForAll @LongRange(min = 0, max = 9_999_999_999L) long reversals,
            @ForAll @LongRange(min = 0, max = 999_999_999_999_999L) long reversedMinor,
            @ForAll @LongRange(min = 0, max = 999_999_999_999_999L) long creditsMinor)
            throws Exception {
        ReconTotals t = new ReconTotals(DAY, dialect == 0 ? 643 : 364, debits, debitsMinor,
                reversals, reversedMinor, debits / 3, creditsMinor, reversals / 2,
                creditsMinor / 7);
        String name = dialect == 0 ? "mir" : "shetab";
        IsoCodec codec = new IsoCodec(Dialects.builtIn(name));
        IsoMessage m = codec.newMessage().setMti(dialect == 0 ? "0500" : "2520");
        m.set(11, dialect == 0 ? "000001" : "000000000001");
        ReconMessages.write(m, t);
        byte[] bytes = ((EncodeResult.Success) codec.encode(m)).bytes();
        IsoMessage back = ((DecodeResult.Success) codec.decode(bytes)).message();
        ReconTotals read = ReconMessages.read(back, DAY);
        assertThat(read).isEqualTo(t);
        long net = t.netMinor();
        assertThat(back.getString(97)).isEqualTo((net >= 0 ? "D" : "C")
                + String.format("%016d", Math.abs(net)));
    }

    @Test
    void theBusinessDateIsMmddOnMirAndAFullDateOnShetab() throws Exception {
        ReconTotals t = new ReconTotals(DAY, 643, 1, 100, 0, 0, 0, 0, 0, 0);
        IsoMessage mir = new IsoCodec(Dialects.builtIn("mir")).newMessage().setMti("0500");
        ReconMessages.write(mir, t);
        assertThat(mir.getString(15)).isEqualTo("1125");
        IsoMessage shetab = new IsoCodec(Dialects.builtIn("shetab")).newMessage()
                .setMti("2520");
        ReconMessages.write(shetab, t);
        assertThat(shetab.getString(15)).isEqualTo("20261125");
        assertThat(shetab.getString(88)).isEqualTo("0000000000000100");
    }

    @Test
    void agreementComparesEveryCountAndAmountButNotTheDate() {
        ReconTotals a = new ReconTotals(DAY, 364, 3, 300, 1, 100, 1, 50, 0, 0);
        assertThat(a.agreesWith(new ReconTotals(DAY.plusDays(1), 364, 3, 300, 1, 100, 1, 50,
                0, 0))).isTrue();
        assertThat(a.agreesWith(new ReconTotals(DAY, 364, 3, 300, 1, 100, 1, 51, 0, 0)))
                .isFalse();
        assertThat(a.netMinor()).isEqualTo(150);
    }
}
