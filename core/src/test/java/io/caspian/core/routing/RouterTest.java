package io.caspian.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RouterTest {
    @Test
    void longestPrefixWins() {
        Router r = new Router(List.of(new IinRange("22", "other"), new IinRange("2200", "mir"),
                new IinRange("220070", "special"), new IinRange("603799", "shetab")));
        assertThat(r.issuerOf("2200700000012343")).hasValue("special");
        assertThat(r.issuerOf("2200100000012343")).hasValue("mir");
        assertThat(r.issuerOf("2299100000012343")).hasValue("other");
        assertThat(r.issuerOf("6037990000000006")).hasValue("shetab");
        assertThat(r.issuerOf("4111111111111111")).isEmpty();
    }

    @Test
    void luhnAndExpiryChecks() {
        assertThat(CardChecks.luhnValid("6037990000000006")).isTrue();
        assertThat(CardChecks.luhnValid("6037990000000007")).isFalse();
        assertThat(CardChecks.luhnValid("60379900")).isFalse();
        assertThat(CardChecks.luhnValid("60379900000000a6")).isFalse();
        assertThat(CardChecks.expiryWellFormed("2812")).isTrue();
        assertThat(CardChecks.expiryWellFormed("2813")).isFalse();
        assertThat(CardChecks.expiryWellFormed("28")).isFalse();
    }
}
