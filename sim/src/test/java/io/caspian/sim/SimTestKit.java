package io.caspian.sim;

import io.caspian.hsm.HsmCommand;
import io.caspian.hsm.KeyAlgorithm;
import io.caspian.hsm.KeyRef;
import io.caspian.hsm.KeyUsage;
import io.caspian.hsm.SoftwareHsm;
import io.caspian.hsm.keys.Lmk;
import io.caspian.iso8583.IsoMessage;
import io.caspian.iso8583.dialect.DialectException;
import io.caspian.iso8583.dialect.Dialects;
import io.caspian.sim.acquirer.Acquirer;
import io.caspian.sim.acquirer.AcquirerSettings;
import io.caspian.sim.acquirer.Terminal;
import io.caspian.sim.acquirer.TerminalType;
import io.caspian.sim.cards.CardGenerator;
import io.caspian.sim.cards.TestCardFactory;
import io.caspian.sim.issuer.IssuerHost;
import io.caspian.sim.issuer.IssuerSettings;
import io.caspian.sim.time.ManualScheduler;
import io.caspian.sim.wire.SchemeCurrency;
import io.caspian.sim.wire.WireModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A real software HSM in a temporary directory with both zone PIN keys, the real dialects,
 * virtual time, and helpers to build a scheme's issuer and acquirer for tests.
 */
public final class SimTestKit {
    public static final Instant EPOCH = Instant.parse("2026-03-10T09:30:00Z");

    public final ManualScheduler scheduler = new ManualScheduler(EPOCH);
    public final SoftwareHsm hsm;

    public SimTestKit(Path directory) {
        try {
            Lmk lmk = Lmk.generate(new SecureRandom()).toLmk();
            hsm = SoftwareHsm.create(directory, lmk, scheduler.clock(), Duration.ofMinutes(5),
                    new Random(7));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        hsm.execute(new HsmCommand.GenerateKey("zpk.mir", KeyUsage.P0, KeyAlgorithm.TDES_2KEY))
                .orElseThrow();
        hsm.execute(new HsmCommand.GenerateKey("zpk.shetab", KeyUsage.P0,
                KeyAlgorithm.AES_128)).orElseThrow();
    }

    public static WireModel model(String scheme) {
        try {
            return WireModel.of(Dialects.builtIn(scheme));
        } catch (DialectException e) {
            throw new IllegalStateException(e);
        }
    }

    public static SchemeCurrency currency(String scheme) {
        return scheme.equals("mir") ? SchemeCurrency.RUB : SchemeCurrency.IRR;
    }

    public TestCardFactory cards(String scheme, long seed) {
        CardGenerator g = scheme.equals("mir") ? CardGenerator.mir(new Random(seed))
                : CardGenerator.shetab(new Random(seed));
        return new TestCardFactory(hsm, g, List.of("IVAN PETROV", "REZA AHMADI"),
                new Random(seed));
    }

    public IssuerSettings issuerSettings(String scheme) {
        return new IssuerSettings(currency(scheme), KeyRef.current("zpk." + scheme),
                model(scheme).pinBlockFormat(), 0);
    }

    public AcquirerSettings acquirerSettings(String scheme, double cancelFraction) {
        return new AcquirerSettings(currency(scheme), KeyRef.current("zpk." + scheme),
                model(scheme).pinBlockFormat(), "9990001", "9990001",
                scheme.equals("mir") ? 643 : 364, 2_000, 2, cancelFraction);
    }

    public Acquirer acquirer(String scheme, double cancelFraction) {
        return new Acquirer(model(scheme), acquirerSettings(scheme, cancelFraction), hsm,
                scheduler, new Random(11));
    }

    public static Terminal terminal(TerminalType type) {
        return new Terminal(type.name().charAt(0) + "TERM001", type, "MERCHANT0000001",
                "CASPIAN TEST SHOP", "MOSCOW", "RU");
    }

    /** Wires an acquirer straight to an issuer (no switch), recording every message. */
    public static List<IsoMessage> loop(Acquirer acquirer, IssuerHost issuer) {
        List<IsoMessage> trace = new ArrayList<>();
        acquirer.connect(m -> {
            trace.add(m.copy());
            IsoMessage reply = issuer.handle(m);
            if (reply != null) {
                trace.add(reply.copy());
                acquirer.onResponse(reply);
            }
            return true;
        });
        return trace;
    }
}
