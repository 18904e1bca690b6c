package io.caspian.hsm.tr31;

import io.caspian.hsm.Exportability;
import io.caspian.hsm.HsmError;
import io.caspian.hsm.KeyUsage;
import io.caspian.hsm.ModeOfUse;
import io.caspian.hsm.Refusal;

/**
 * The clear header of a key block (ANSI X9.143, 6.2), authenticated by the block's MAC.
 *
 * <pre>
 * offset  0    1     5   7   8    10  11  13  15      16
 *         |ver |len  |use|alg|mode|kvn|exp|nob|rfu    |optional blocks ...
 *         |B/D |0080 |P0 |T  |E   |00 |E  |00 |00     |
 * </pre>
 *
 * @param version 'B' or 'D'
 * @param usage key usage
 * @param algorithm 'T' (TDES) or 'A' (AES)
 * @param modeOfUse mode of use
 * @param keyVersionNumber two characters, "00" when unused
 * @param exportability exportability
 * @param optionalBlockCount number of optional blocks
 * @param optionalBlocks the optional blocks as they appear in the header
 */
public record KeyBlockHeader(char version, KeyUsage usage, char algorithm, ModeOfUse modeOfUse,
        String keyVersionNumber, Exportability exportability, int optionalBlockCount,
        String optionalBlocks) {

    static final int FIXED_LENGTH = 16;

    public static KeyBlockHeader of(char version, KeyUsage usage, char algorithm,
            ModeOfUse modeOfUse, Exportability exportability) {
        return new KeyBlockHeader(version, usage, algorithm, modeOfUse, "00", exportability,
                0, "");
    }

    /** The header text with the given total block length. */
    String encode(int blockLength) {
        return String.format("%c%04d%s%c%c%s%s%02d00%s", version, blockLength, usage.name(),
                algorithm, modeOfUse.code(), keyVersionNumber, exportability.name(),
                optionalBlockCount, optionalBlocks);
    }

    int length() {
        return FIXED_LENGTH + optionalBlocks.length();
    }

    /** Parses the header at the start of a key block; checks syntax, not permissions. */
    static KeyBlockHeader parse(String block) {
        if (block.length() < FIXED_LENGTH) {
            throw invalid("key block is shorter than its 16-character header");
        }
        char version = block.charAt(0);
        KeyUsage usage = parseUsage(block.substring(5, 7));
        char algorithm = block.charAt(7);
        ModeOfUse mode = ModeOfUse.ofCode(block.charAt(8));
        if (mode == null) {
            throw invalid("unknown mode of use '" + block.charAt(8) + "'");
        }
        Exportability exportability = parseExportability(block.charAt(11));
        int count = parseDecimal(block.substring(12, 14), "number of optional blocks");
        String optional = optionalBlocks(block, count);
        return new KeyBlockHeader(version, usage, algorithm, mode, block.substring(9, 11),
                exportability, count, optional);
    }

    static int parseDecimal(String digits, String what) {
        for (int i = 0; i < digits.length(); i++) {
            if (!Character.isDigit(digits.charAt(i))) {
                throw invalid(what + " is not decimal");
            }
        }
        return Integer.parseInt(digits);
    }

    private static KeyUsage parseUsage(String code) {
        for (KeyUsage usage : KeyUsage.values()) {
            if (usage.name().equals(code)) {
                return usage;
            }
        }
        throw new Refusal(HsmError.KEY_BLOCK_HEADER_NOT_PERMITTED,
                "key usage " + code + " is not one Caspian accepts");
    }

    private static Exportability parseExportability(char code) {
        for (Exportability exportability : Exportability.values()) {
            if (exportability.name().charAt(0) == code) {
                return exportability;
            }
        }
        throw invalid("unknown exportability '" + code + "'");
    }

    /** Optional blocks: id (2), length in hex (2, including id and length), data. */
    private static String optionalBlocks(String block, int count) {
        int offset = FIXED_LENGTH;
        for (int i = 0; i < count; i++) {
            if (offset + 4 > block.length()) {
                throw invalid("optional block " + (i + 1) + " runs past the key block");
            }
            int length;
            try {
                length = Integer.parseInt(block.substring(offset + 2, offset + 4), 16);
            } catch (NumberFormatException e) {
                throw invalid("optional block " + (i + 1) + " has a malformed length");
            }
            if (length < 4 || offset + length > block.length()) {
                throw invalid("optional block " + (i + 1) + " has an impossible length");
            }
            offset += length;
        }
        return block.substring(FIXED_LENGTH, offset);
    }

    static Refusal invalid(String detail) {
        return new Refusal(HsmError.KEY_BLOCK_INVALID, detail);
    }
}
