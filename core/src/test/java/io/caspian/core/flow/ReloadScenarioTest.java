package io.caspian.core.flow;

import static io.caspian.core.flow.InterlinkScenarioTest.mirPurchase;
import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.core.routing.IinRange;
import io.caspian.core.routing.Router;
import io.caspian.core.standin.StandInRules;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Routes reloaded while running take effect for the next request, without a restart. */
class ReloadScenarioTest extends ScenarioTestBase {

    @Test
    void aRangeRemovedWhileRunningIsNoLongerRoutedAndASchemeCannotBeSwappedOut()
            throws Exception {
        h = new Harness(dir, 2_000, StandInRules.disabled());
        h.from("mir", mirPurchase("000501", 10_000));
        assertThat(h.shetab.next().mti()).isEqualTo("2200");

        String[] refused = new String[2];
        h.onEngine(() -> {
            SwitchSettings now = h.engine.settings;
            SwitchSettings withoutShetabIin = new SwitchSettings(now.schemes(),
                    new Router(List.of(new IinRange("2200", "mir"))), now.rates(),
                    now.currencies(), now.duplicateWindowMs(), now.safRetryMs(),
                    now.inFlightMax(), now.queueWaitMaxMs());
            refused[0] = h.engine.reload(withoutShetabIin);
            refused[1] = h.engine.reload(new SwitchSettings(Map.of("mir", now.scheme("mir")),
                    now.router(), now.rates(), now.currencies(), now.duplicateWindowMs(),
                    now.safRetryMs(), now.inFlightMax(), now.queueWaitMaxMs()));
        });
        assertThat(refused[0]).isNull();
        assertThat(refused[1]).contains("the schemes differ");

        h.from("mir", mirPurchase("000502", 10_000));
        assertThat(h.mir.next().getString(39)).isEqualTo("14");
        assertThat(h.shetab.none(200)).isNull();
    }
}
