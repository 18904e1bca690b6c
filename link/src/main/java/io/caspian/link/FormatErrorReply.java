package io.caspian.link;

import io.caspian.iso8583.IsoMessage;
import io.caspian.iso8583.dialect.Dialect;

/**
 * The reply to a request that did not decode: the response MTI, the dialect's format-error
 * code, and the fields the sender needs to match it to its request, as far as they decoded.
 */
final class FormatErrorReply {
    /**
     * Processing code, amount, transmission time, STAN, local time, acquirer, RRN, terminal
     * and merchant. DE 2 is left out on purpose: the sender knows its PAN, and a PAN that
     * does not travel cannot leak.
     */
    static final int[] ECHOED_FIELDS = {3, 4, 7, 11, 12, 32, 37, 41, 42};

    private FormatErrorReply() {
    }

    /**
     * The response MTI of a request, advice or notification: ISO 8583 function digit + 1,
     * origin without its repeat bit (0200 → 0210, 0220 → 0230, 0421 → 0430, 2804 → 2814);
     * -1 for a message that is itself a response and gets no reply.
     */
    static int responseMti(int mti) {
        int function = mti / 10 % 10;
        if (mti < 0 || function % 2 != 0) {
            return -1;
        }
        int origin = mti % 10;
        return mti - origin + 10 + (origin & ~1);
    }

    /** The reply, or null when the MTI could not be read or needs no reply. */
    static IsoMessage build(Dialect dialect, IsoMessage salvaged) {
        int mti = salvaged.mtiNumber();
        if (mti < 0 || mti / 1000 != dialect.isoVersion().mtiDigit()) {
            return null;
        }
        int replyMti = responseMti(mti);
        if (replyMti < 0) {
            return null;
        }
        IsoMessage reply = new IsoMessage(dialect).setMti(replyMti);
        for (int field : ECHOED_FIELDS) {
            // Salvaged fields decoded under the same dialect: a wire copy that cannot fail.
            reply.copyFrom(salvaged, field);
        }
        return reply.set(dialect.formatErrorField(), dialect.formatErrorCode());
    }
}
