package io.caspian.core.flow;

import static io.caspian.core.flow.InterlinkScenarioTest.mirPurchase;
import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.core.port.BusinessCalendar;
import io.caspian.core.standin.StandInRules;
import io.caspian.iso8583.IsoCodec;
import io.caspian.iso8583.IsoMessage;
import io.caspian.iso8583.dialect.Dialects;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Business dates come from the business calendar, and a scheme's cut-over message moves its
 * transactions to the next date:
 *
 * <pre>
 * mir -> 0200 stan=000701            -> stored with business date 2026-11-24
 * mir -> 0800 DE 70=201 (cut-over)   -> mir 0810 rc=00; mir is in 2026-11-25
 * mir -> 0200 stan=000702            -> stored with business date 2026-11-25
 * </pre>
 * Without a calendar the cut-over is refused (rc=12) and the date is the calendar date.
 */
class CutOverScenarioTest extends ScenarioTestBase {
    static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    /** A calendar that starts every scheme on {@link #DAY} and moves on each cut-over. */
    static final class TestCalendar implements BusinessCalendar {
        final Map<String, LocalDate> dates = new ConcurrentHashMap<>();

        @Override
        public LocalDate businessDate(String scheme, Instant at) {
            return dates.getOrDefault(scheme, DAY);
        }

        @Override
        public boolean cutOver(String scheme, Instant at) {
            dates.put(scheme, businessDate(scheme, at).plusDays(1));
            return true;
        }
    }

    private static IsoMessage cutOver() throws Exception {
        IsoMessage m = new IsoCodec(Dialects.builtIn("mir")).newMessage().setMti("0800");
        return m.set(7, "1125120000").set(11, "000700").set(70, "201");
    }

    private LocalDate storedDate(String stan) {
        return h.store.findByAcquirerTrace("mir", stan, "1125103015").get(0).businessDate();
    }

    @Test
    void aSchemesCutOverMovesItsNextTransactionsToTheNextDate() throws Exception {
        h = new Harness(dir, 2_000, StandInRules.disabled());
        h.engine.useBusinessCalendar(new TestCalendar());
        h.from("mir", mirPurchase("000701", 10_000));
        h.shetab.next();
        assertThat(storedDate("000701")).isEqualTo(DAY);

        h.from("mir", cutOver());
        IsoMessage ack = h.mir.next();
        assertThat(ack.mti()).isEqualTo("0810");
        assertThat(ack.getString(39)).isEqualTo("00");

        h.from("mir", mirPurchase("000702", 10_000));
        h.shetab.next();
        assertThat(storedDate("000702")).isEqualTo(DAY.plusDays(1));
    }

    @Test
    void withoutABusinessCalendarACutOverIsRefused() throws Exception {
        h = new Harness(dir, 2_000, StandInRules.disabled());
        h.from("mir", cutOver());
        assertThat(h.mir.next().getString(39)).isNotEqualTo("00");
    }
}
