package io.caspian.hsm;

import io.caspian.hsm.crypto.BlockAlgorithm;

/**
 * The ISO 9564-1 PIN block formats Caspian accepts. Format 2 (ICC offline PIN) is absent on
 * purpose: PCI PIN Security Requirement 3-3 never lets it cross a network.
 */
public enum PinBlockFormat {
    /** Format 0: PIN field XOR PAN field, fill F; TDES. */
    ISO_0(0, BlockAlgorithm.TDES),
    /** Format 1: PIN with random fill, not bound to a PAN; TDES. */
    ISO_1(1, BlockAlgorithm.TDES),
    /** Format 3: as format 0 with random fill A to F; TDES. */
    ISO_3(3, BlockAlgorithm.TDES),
    /** Format 4: 16-byte PIN and PAN fields, enciphered twice with AES. */
    ISO_4(4, BlockAlgorithm.AES);

    private final int number;
    private final BlockAlgorithm cipher;

    PinBlockFormat(int number, BlockAlgorithm cipher) {
        this.number = number;
        this.cipher = cipher;
    }

    /** The format number, which is also the control field (first nibble) of the block. */
    public int number() {
        return number;
    }

    /** The block cipher the format is defined for. */
    public BlockAlgorithm cipher() {
        return cipher;
    }

    public int blockLengthBytes() {
        return cipher.blockSize();
    }

    /** Whether the format binds the PIN to the PAN. */
    public boolean usesPan() {
        return this != ISO_1;
    }

    /** The format with this number, or null (format 2 and unknown numbers). */
    public static PinBlockFormat ofNumber(int number) {
        for (PinBlockFormat format : values()) {
            if (format.number == number) {
                return format;
            }
        }
        return null;
    }
}
