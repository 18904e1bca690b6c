package io.caspian.app.clearing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caspian.app.config.CaspianConfig;
import io.caspian.app.config.ConfigException;
import io.caspian.app.config.ConfigLoader;
import io.caspian.app.config.Settings;
import io.caspian.clearing.ClearingSettings;
import io.caspian.clearing.TransactionKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class ClearingSetupTest {
    private static final Path SHIPPED = Path.of("..", "config", "caspian.yaml");

    @Test
    void theShippedConfigurationHasFeesAndCutOvers() throws Exception {
        CaspianConfig c = ConfigLoader.load(SHIPPED);
        ClearingSettings s = ClearingSetup.of(c, Settings.of(c, "caspian.yaml"), "caspian.yaml",
                Path.of("out"));
        assertThat(s.scheme("shetab").cutOver()).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(s.scheme("shetab").currencyAlpha()).isEqualTo("IRR");
        assertThat(s.outputDirectory()).isEqualTo(Path.of("./data/clearing"));
        // 0.80% of 1,000,000 IRR + 2,000 before June 2026; the grocery rate (1.20%) after.
        assertThat(s.fees().interchange("shetab", TransactionKind.PURCHASE, "5411",
                LocalDate.of(2026, 3, 1), 1_000_000)).isEqualTo(10_000);
        assertThat(s.fees().interchange("shetab", TransactionKind.PURCHASE, "5411",
                LocalDate.of(2026, 7, 1), 1_000_000)).isEqualTo(12_000);
        assertThat(s.fees().interchange("mir", TransactionKind.CASH_WITHDRAWAL, "6011",
                LocalDate.of(2026, 7, 1), 100_000)).isEqualTo(-10_500);
        assertThat(s.settlement().currency()).isNull();
    }

    @Test
    void aBadClearingKeyNamesItsPath() throws Exception {
        String shipped = Files.readString(SHIPPED);
        assertThat(fail(shipped.replace("mccGroup: grocery", "mccGroup: bakery")))
                .isEqualTo("t.yaml: clearing.interchange[3].mccGroup: 'bakery' is not in"
                        + " clearing.mccGroups");
        assertThat(fail(shipped.replace("cutOver: {mir: \"00:00\"", "cutOver: {mir: \"25:00\"")))
                .isEqualTo("t.yaml: clearing.cutOver.mir: '25:00' is not a time like 18:00");
        assertThat(fail(shipped.replace("percent: \"0.10\", fixedMinor: 0",
                "percent: \"ten\", fixedMinor: 0"))).isEqualTo("t.yaml: clearing.switchFees[0]"
                        + ".percent: 'ten' is not a decimal number");
        assertThat(fail(shipped.replace("types: [CASH_WITHDRAWAL]", "types: [ATM]")))
                .startsWith("t.yaml: clearing.interchange[1].types: 'ATM' is not PURCHASE");
        assertThatThrownBy(() -> ConfigLoader.parse(shipped.replace("chargebackDays:",
                "chargebackDayz:"), "t.yaml")).hasMessageContaining("clearing.disputes."
                        + "chargebackDayz: unknown key");
    }

    private static String fail(String yaml) throws Exception {
        CaspianConfig c = ConfigLoader.parse(yaml, "t.yaml");
        try {
            ClearingSetup.of(c, Settings.of(c, "t.yaml"), "t.yaml", Path.of("out"));
        } catch (ConfigException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted");
    }
}
