package io.caspian.core.flow;

import io.caspian.core.mapping.MappingResult;
import io.caspian.core.txn.CanonicalMessage;
import io.caspian.core.txn.Reason;
import io.caspian.iso8583.IsoMessage;
import java.util.Optional;

/**
 * The first steps of an acquirer's advice or reversal, which the switch acknowledges
 * itself: read it in the acquirer's dialect (a format error is answered here), and answer a
 * repeat of one already taken with the first one's reply.
 */
final class AdviceIntake {
    /** A message to take: its canonical form and its duplicate key. */
    record Taken(CanonicalMessage message, String duplicateKey) {
    }

    private AdviceIntake() {
    }

    /** What to take, or empty when this already answered it (format error or repeat). */
    static Optional<Taken> take(SwitchEngine engine, String acquirer, IsoMessage message,
            String repeatCounter) {
        SchemeSettings acq = engine.settings.scheme(acquirer);
        MappingResult mapped = engine.readers.get(acquirer).read(message, engine.today(acq));
        if (mapped instanceof MappingResult.Invalid) {
            engine.stats.count("format_errors");
            engine.reply(acquirer, message, Reason.FORMAT_ERROR, null, null, null);
            return Optional.empty();
        }
        CanonicalMessage c = ((MappingResult.Mapped) mapped).message();
        String key = Duplicates.key(acquirer, c);
        Optional<Duplicates.Seen> seen = engine.duplicates.find(key);
        if (seen.isPresent()) {
            engine.stats.count(repeatCounter);
            if (seen.get().reply != null) {
                engine.send(acquirer, seen.get().reply);
            }
            return Optional.empty();
        }
        return Optional.of(new Taken(c, key));
    }
}
