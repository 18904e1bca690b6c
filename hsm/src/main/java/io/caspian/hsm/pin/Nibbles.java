package io.caspian.hsm.pin;

/** Half-byte access to PIN and PAN fields, which ISO 9564-1 defines nibble by nibble. */
final class Nibbles {
    private Nibbles() {
    }

    static int get(byte[] field, int index) {
        int b = field[index / 2] & 0xFF;
        return index % 2 == 0 ? b >>> 4 : b & 0x0F;
    }

    static void set(byte[] field, int index, int value) {
        int i = index / 2;
        field[i] = index % 2 == 0
                ? (byte) ((field[i] & 0x0F) | (value << 4))
                : (byte) ((field[i] & 0xF0) | value);
    }
}
