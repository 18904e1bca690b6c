package io.caspian.sim.acquirer;

import io.caspian.hsm.EncryptedPinBlock;
import io.caspian.hsm.Hsm;
import io.caspian.hsm.HsmCommand;
import io.caspian.hsm.HsmResult;
import io.caspian.hsm.Pan;
import io.caspian.hsm.PinUnderLmk;
import io.caspian.iso8583.CodecFailure;
import io.caspian.iso8583.IsoMessage;
import io.caspian.sim.wire.ProcessingCode;
import io.caspian.sim.wire.Tlv;
import io.caspian.sim.wire.WireModel;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes an acquirer's requests and reversals in its scheme's model. */
final class MessageBuilder {
    // RRN: last digit of the year, day of year, hour (UTC), then the STAN's last six digits.
    private static final DateTimeFormatter RRN_PREFIX = DateTimeFormatter.ofPattern("yDDDHH")
            .withZone(ZoneOffset.UTC);

    private final WireModel model;
    private final AcquirerSettings settings;
    private final Hsm hsm;

    MessageBuilder(WireModel model, AcquirerSettings settings, Hsm hsm) {
        this.model = model;
        this.settings = settings;
        this.hsm = hsm;
    }

    static String rrn(Instant now, long stan) {
        String prefix = RRN_PREFIX.format(now);
        return prefix.substring(prefix.length() - 6) + String.format("%06d", stan % 1_000_000);
    }

    /** The request, or null when the HSM would not build its PIN block. */
    IsoMessage request(AcquirerRequest r, long stan, Instant now) {
        int kind = r.authorization() ? 100 : 200;
        IsoMessage m = model.newMessage(kind);
        m.set(2, r.card().pan()).set(3, r.type().field());
        model.setAmount(m, settings.currency().money(r.amountMinor()));
        model.setTimes(m, now);
        m.set(11, stan).set(14, r.card().expiryYymm())
                .set(18, r.terminal().type().merchantType())
                .set(19, settings.countryCode()).set(22, r.terminal().type().entryMode())
                .set(32, settings.acquirerId()).set(33, settings.forwarderId())
                .set(37, rrn(now, stan));
        model.setRequestCodes(m, kind);
        Terminal t = r.terminal();
        model.setCardAcceptor(m, t.id(), t.merchantId(), t.name(), t.city(), t.country());
        if (t.type() != TerminalType.ECOM) {
            // Track 2 equivalent: PAN = expiry YYMM, service code 101, discretionary zeros.
            m.set(35, r.card().pan() + "=" + r.card().expiryYymm() + "1010000000000");
        }
        Map<String, String> tags = privateData(r);
        if (!tags.isEmpty()) {
            m.set(48, Tlv.write(tags));
        }
        if (r.pin() || r.type() == ProcessingCode.CASH_WITHDRAWAL) {
            EncryptedPinBlock block = pinBlock(r);
            if (block == null) {
                return null;
            }
            m.setBytes(52, block.bytes());
        }
        return m;
    }

    private Map<String, String> privateData(AcquirerRequest r) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (r.type() == ProcessingCode.TRANSFER) {
            tags.put(model.recipientCardTag(), r.recipientPan());
        }
        if (model.terminalTypeTag() != null) {
            tags.put(model.terminalTypeTag(), r.terminal().type().shetabCode());
        }
        return tags;
    }

    private EncryptedPinBlock pinBlock(AcquirerRequest r) {
        PinUnderLmk pin = r.wrongPin() ? r.card().wrongPin() : r.card().pin();
        HsmResult<EncryptedPinBlock> block = hsm.execute(new HsmCommand.PinFromLmk(pin,
                Pan.of(r.card().pan()), settings.zonePinKey(), settings.pinBlockFormat()));
        return block instanceof HsmResult.Ok<EncryptedPinBlock> ok ? ok.value() : null;
    }

    /** An x420 for {@code original}, with its own STAN and DE 90 naming the original. */
    IsoMessage reversal(IsoMessage original, long stan, Instant now, boolean timeout) {
        IsoMessage m = model.newMessage(420);
        for (int field : model.reversalCopiedFields()) {
            if (original.has(field)) {
                CodecFailure f = m.copyFrom(original, field);
                if (f != null) {
                    throw new IllegalStateException("copy within one dialect failed: " + f);
                }
            }
        }
        // DE 7 is this message's transmission time; DE 12/13 stay the original's.
        IsoMessage times = model.newMessage(420);
        model.setTimes(times, now);
        m.set(7, times.getString(7));
        m.set(11, stan);
        model.setRequestCodes(m, 420);
        model.setReversalReason(m, timeout);
        m.set(90, model.originalDataElements(original));
        return m;
    }

    /**
     * A partial reversal (customer cancellation) of {@code original}: {@code remainingMinor}
     * of it stands. ISO 8583:1987 models keep DE 4 = the original amount and put what
     * remains in DE 95 (transaction and settlement amounts, zero fees); the others carry the
     * part reversed in DE 4.
     */
    IsoMessage partialReversal(IsoMessage original, long stan, Instant now,
            long remainingMinor) {
        IsoMessage m = reversal(original, stan, now, false);
        long originalMinor = model.amount(original).minor();
        if (remainingMinor <= 0 || remainingMinor >= originalMinor) {
            throw new IllegalArgumentException("a partial reversal leaves 0 < remaining"
                    + " < original");
        }
        if (model.hasReplacementAmounts()) {
            String twelve = String.format("%012d", remainingMinor);
            m.set(95, twelve + twelve + "C00000000" + "C00000000");
        } else {
            model.setAmount(m, settings.currency().money(originalMinor - remainingMinor));
        }
        return m;
    }

    /**
     * A completion advice (x220) of the authorization {@code original}: the final amount,
     * the approval code it was given (DE 38) and DE 90 naming it; its own STAN, RRN and
     * times, no PIN and no track data (the card is not present again).
     */
    IsoMessage completion(IsoMessage original, String authCode, long stan, Instant now,
            long finalMinor) {
        IsoMessage m = original.copy().setMti(model.mti(220));
        m.unset(52).unset(35);
        model.setAmount(m, settings.currency().money(finalMinor));
        model.setTimes(m, now);
        m.set(11, stan).set(37, rrn(now, stan)).set(38, authCode);
        model.setRequestCodes(m, 220);
        m.set(90, model.originalDataElements(original));
        return m;
    }

    /** The repeat of a reversal (x421) or advice (x221): same fields and STAN, per ISO 8583. */
    IsoMessage repeat(IsoMessage message) {
        return message.copy().setMti(model.mti(WireModel.kind(message) / 10 * 10 + 1));
    }
}
