package io.caspian.sim.acquirer;

import io.caspian.iso8583.IsoMessage;

/** How the acquirer pairs a reply with its request: its own DE 11, DE 37 and DE 41. */
record MatchKey(long stan, String rrn, String terminalId) {

    static MatchKey of(IsoMessage m) {
        return new MatchKey(m.getLong(11), String.valueOf(m.getString(37)),
                String.valueOf(m.getString(41)));
    }
}
