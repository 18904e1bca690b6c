package io.caspian.sim.wire;

import java.util.LinkedHashMap;
import java.util.Map;

/** DE 48 in both models: tag (2 characters), length (3 digits), value; repeated. */
public final class Tlv {
    private Tlv() {
    }

    /** Writes tags in the order given. */
    public static String write(Map<String, String> tags) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : tags.entrySet()) {
            if (e.getKey().length() != 2 || e.getValue().length() > 999) {
                throw new IllegalArgumentException("tag of 2 characters, value up to 999");
            }
            sb.append(e.getKey()).append(String.format("%03d", e.getValue().length()))
                    .append(e.getValue());
        }
        return sb.toString();
    }

    /** Reads tags; an ill-formed tail is ignored (the codec has validated the field). */
    public static Map<String, String> read(String value) {
        Map<String, String> tags = new LinkedHashMap<>();
        int p = 0;
        while (value != null && p + 5 <= value.length()) {
            String tag = value.substring(p, p + 2);
            int len;
            try {
                len = Integer.parseInt(value.substring(p + 2, p + 5));
            } catch (NumberFormatException e) {
                break;
            }
            if (p + 5 + len > value.length()) {
                break;
            }
            tags.put(tag, value.substring(p + 5, p + 5 + len));
            p += 5 + len;
        }
        return tags;
    }
}
