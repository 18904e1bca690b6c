package io.caspian.sim.issuer;

import io.caspian.iso8583.CodecFailure;
import io.caspian.iso8583.IsoMessage;
import io.caspian.sim.wire.Outcome;
import io.caspian.sim.wire.WireModel;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/** Writes an issuer's responses: the request's echoed fields, then the issuer's own. */
final class Replies {
    // DE 7 is MMDDhhmmss in UTC in both models.
    private static final DateTimeFormatter DE7 = DateTimeFormatter.ofPattern("MMddHHmmss")
            .withZone(ZoneOffset.UTC);

    private final WireModel model;

    Replies(WireModel model) {
        this.model = model;
    }

    /** x110, x130, x210, x230: the request's fields, DE 39, the issuer's DE 7. */
    IsoMessage answer(IsoMessage request, Outcome outcome, Instant now) {
        return reply(request, outcome, now, model.responseEchoFields());
    }

    /** x430. */
    IsoMessage acknowledgeReversal(IsoMessage request, Instant now) {
        return reply(request, Outcome.REVERSAL_ACCEPTED, now,
                model.reversalResponseEchoFields());
    }

    private IsoMessage reply(IsoMessage request, Outcome outcome, Instant now,
            Set<Integer> echo) {
        // A repeat (x101, x121, x201, x221, x421) is answered like its first: x110 ... x430.
        int kind = WireModel.kind(request) / 10 * 10 + 10;
        IsoMessage r = model.newMessage(kind);
        for (int field : request.fieldNumbers()) {
            if (echo.contains(field)) {
                CodecFailure f = r.copyFrom(request, field);
                if (f != null) {
                    throw new IllegalStateException("echo of a field of our own dialect: " + f);
                }
            }
        }
        // The local date-time (DE 12/13) stays the request's: the acquirer matches on it.
        r.set(7, DE7.format(now));
        r.set(39, model.code(outcome));
        return r;
    }
}
