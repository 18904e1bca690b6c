package io.caspian.console;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToLongFunction;

/** A link's state and counters as metrics, read from the link when scraped. */
final class LinkMeters {
    private LinkMeters() {
    }

    static void bind(MeterRegistry registry, LinkControl link) {
        Gauge.builder("caspian.link.up", link, l -> l.signedOn() ? 1 : 0).tag("link", link.name())
                .description("1 when the link is signed on").register(registry);
        counter(registry, link, "caspian.link.frames.in", LinkControl.Counters::messagesIn,
                "Messages decoded from the link");
        counter(registry, link, "caspian.link.frames.out", LinkControl.Counters::messagesOut,
                "Messages written to the link");
        counter(registry, link, "caspian.link.format.errors",
                LinkControl.Counters::formatErrors, "Messages that did not decode");
        counter(registry, link, "caspian.link.refused.sends",
                LinkControl.Counters::refusedSends, "Sends refused (down, full, encode)");
        counter(registry, link, "caspian.link.disconnects", LinkControl.Counters::disconnects,
                "Connections lost or closed");
        counter(registry, link, "caspian.link.echo.timeouts",
                LinkControl.Counters::echoTimeouts, "Echoes or sign-ons unanswered");
    }

    private static void counter(MeterRegistry registry, LinkControl link, String name,
            ToLongFunction<LinkControl.Counters> read, String description) {
        FunctionCounter.builder(name, link, l -> read.applyAsLong(l.counters()))
                .tag("link", link.name()).description(description).register(registry);
    }
}
