package io.caspian.sim.acquirer;

/**
 * Kinds of terminal and what each writes: merchant category (DE 18), POS entry mode (DE 22)
 * and the Shetab model's terminal type (DE 48 tag 03).
 */
public enum TerminalType {
    /** Card-present shop terminal, chip read. */
    POS(5411, "051", "POS"),
    /** Cash machine, chip read, always with a PIN. */
    ATM(6011, "051", "ATM"),
    /** Card-not-present internet shop, PAN key-entered. */
    ECOM(5999, "010", "INT");

    private final int merchantType;
    private final String entryMode;
    private final String shetabCode;

    TerminalType(int merchantType, String entryMode, String shetabCode) {
        this.merchantType = merchantType;
        this.entryMode = entryMode;
        this.shetabCode = shetabCode;
    }

    /** DE 18 merchant category code. */
    public int merchantType() {
        return merchantType;
    }

    /** DE 22 point of service entry mode. */
    public String entryMode() {
        return entryMode;
    }

    /** DE 48 tag 03 in the Shetab model. */
    public String shetabCode() {
        return shetabCode;
    }
}
