package io.caspian.iso8583;

/** MTI text and number conversions, with the 10,000 texts cached so lookups allocate nothing. */
final class Mti {
    private static final String[] TEXT = new String[10_000];

    private Mti() {
    }

    static String text(int mti) {
        String s = TEXT[mti];
        if (s == null) {
            s = String.format("%04d", mti);
            TEXT[mti] = s;
        }
        return s;
    }

    /** The MTI's number, or -1 unless it is exactly four digits. */
    static int parse(String s) {
        if (s == null || s.length() != 4) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }
}
