package io.caspian.iso8583.dialect;

/** The ISO 8583 version; its digit is the first digit of every MTI. */
public enum IsoVersion {
    V1987(1987, 0),
    V1993(1993, 1),
    V2003(2003, 2);

    private final int year;
    private final int mtiDigit;

    IsoVersion(int year, int mtiDigit) {
        this.year = year;
        this.mtiDigit = mtiDigit;
    }

    public int year() {
        return year;
    }

    /** The MTI's version digit: 0 for 1987, 1 for 1993, 2 for 2003. */
    public int mtiDigit() {
        return mtiDigit;
    }

    public static IsoVersion fromYear(int year) {
        for (IsoVersion v : values()) {
            if (v.year == year) {
                return v;
            }
        }
        return null;
    }
}
