package io.caspian.link;

import io.caspian.iso8583.IsoMessage;
import io.caspian.iso8583.dialect.Dialect;
import io.caspian.iso8583.dialect.FieldSpec;
import io.caspian.iso8583.dialect.IsoVersion;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Network management messages in one dialect's version: 0800/0810 in ISO 8583:1987, x804 and
 * x814 in 1993 and 2003 (2804/2814 in the shetab model), which also carry the DE 24 function
 * code and the DE 12 local date-time (docs/dialects.md, "messages" of each dialect).
 */
final class NetworkManagement {
    private static final DateTimeFormatter DE7 =
            DateTimeFormatter.ofPattern("MMddHHmmss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DE12_14 = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final Dialect dialect;
    private final String institutionId;
    private final Clock clock;
    private final int requestMti;
    private final String approvedCode;
    private final long stanModulus;
    private final boolean laterVersion;

    NetworkManagement(Dialect dialect, String institutionId, Clock clock) {
        this.dialect = dialect;
        this.institutionId = institutionId;
        this.clock = clock;
        this.laterVersion = dialect.isoVersion() != IsoVersion.V1987;
        this.requestMti = dialect.isoVersion().mtiDigit() * 1000 + (laterVersion ? 804 : 800);
        this.approvedCode = approvedCode(dialect.field(39));
        this.stanModulus = (long) Math.pow(10, Math.min(dialect.field(11).max(), 18));
    }

    /**
     * "00" where DE 39 is a 2-character response code (ISO 8583:1987); action code 800
     * "network management accepted", zero-padded to the field (0800 in shetab), elsewhere.
     */
    private static String approvedCode(FieldSpec de39) {
        if (de39.max() == 2) {
            return "00";
        }
        return "0".repeat(Math.max(0, de39.max() - 3)) + "800";
    }

    int requestMti() {
        return requestMti;
    }

    int responseMti() {
        return requestMti + 10;
    }

    String approvedCode() {
        return approvedCode;
    }

    /** STANs wrap within the dialect's DE 11 length and skip zero. */
    long stanAfter(long counter) {
        return counter % (stanModulus - 1) + 1;
    }

    boolean isRequest(IsoMessage m) {
        return m.mtiNumber() == requestMti;
    }

    boolean isResponse(IsoMessage m) {
        return m.mtiNumber() == requestMti + 10;
    }

    /** The code the link handles itself, or null (another DE 70 code, or not 08xx at all). */
    NetworkCode code(IsoMessage m) {
        return m.has(70) ? NetworkCode.fromDe70(m.getString(70)) : null;
    }

    /** Approved: the dialect's accepted code, or all zeros (plain "approved"). */
    boolean isApproved(IsoMessage response) {
        String rc = response.getString(39);
        return rc != null && (rc.equals(approvedCode) || rc.chars().allMatch(c -> c == '0'));
    }

    IsoMessage request(NetworkCode code, long stan) {
        IsoMessage m = new IsoMessage(dialect).setMti(requestMti);
        m.set(7, DE7.format(clock.instant()));
        m.set(11, stan);
        if (laterVersion && has14DigitLocalTime()) {
            m.set(12, DE12_14.format(clock.instant().atZone(clock.getZone())));
        }
        if (laterVersion && dialect.field(24) != null) {
            m.set(24, code.functionCode());
        }
        if (institutionId != null) {
            m.set(33, institutionId);
        }
        return m.set(70, code.de70());
    }

    /** The response to a request: its STAN, local time, institution and code echoed back. */
    IsoMessage response(IsoMessage request, String responseCode) {
        IsoMessage m = new IsoMessage(dialect).setMti(responseMti());
        m.set(7, DE7.format(clock.instant()));
        // Same dialect on both sides: copyFrom copies wire bytes and cannot fail.
        for (int field : new int[] {11, 12, 33, 70}) {
            m.copyFrom(request, field);
        }
        return m.set(39, responseCode);
    }

    private boolean has14DigitLocalTime() {
        FieldSpec de12 = dialect.field(12);
        return de12 != null && de12.max() == 14;
    }
}
