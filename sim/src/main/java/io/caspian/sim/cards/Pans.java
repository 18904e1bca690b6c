package io.caspian.sim.cards;

/** PAN display: first six and last four digits only (PCI DSS 3.4), for every log line. */
public final class Pans {
    private Pans() {
    }

    public static String mask(String pan) {
        if (pan == null) {
            return "null";
        }
        if (pan.length() < 11) {
            return "*".repeat(pan.length());
        }
        return pan.substring(0, 6) + "*".repeat(pan.length() - 10)
                + pan.substring(pan.length() - 4);
    }
}
