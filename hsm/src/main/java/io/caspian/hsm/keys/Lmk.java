package io.caspian.hsm.keys;

import io.caspian.hsm.crypto.BlockAlgorithm;
import io.caspian.hsm.crypto.Cmac;
import io.caspian.hsm.crypto.Hex;
import io.caspian.hsm.crypto.KeyCheckValues;
import io.caspian.hsm.crypto.Secrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Set;

/**
 * The local master key: one AES-256 key under which every stored key is wrapped.
 *
 * <p>It comes from a file holding 64 hex digits, readable by its owner only, or from the
 * environment variable {@value #ENVIRONMENT_VARIABLE}. Two working keys are derived from it
 * (NIST SP 800-108 counter mode with AES-CMAC), so the LMK itself never encrypts anything:
 * one wraps keys and PINs (AES-GCM), the other authenticates the key store file (CMAC).
 */
public final class Lmk {
    public static final String ENVIRONMENT_VARIABLE = "CASPIAN_LMK";
    public static final int LENGTH_BYTES = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY =
            PosixFilePermissions.fromString("rw-------");

    private final byte[] wrapKey;
    private final byte[] fileMacKey;
    private final String checkValue;

    private Lmk(byte[] key) {
        if (key.length != LENGTH_BYTES) {
            throw new IllegalArgumentException("the LMK must be an AES-256 key (64 hex digits)");
        }
        this.wrapKey = derive(key, "caspian-lmk-wrap");
        this.fileMacKey = derive(key, "caspian-lmk-file-mac");
        this.checkValue = Hex.encode(KeyCheckValues.compute(BlockAlgorithm.AES, key));
    }

    /** A fresh LMK from a strong random source; the caller writes it down with writeFile. */
    public static GeneratedLmk generate(SecureRandom random) {
        byte[] key = new byte[LENGTH_BYTES];
        random.nextBytes(key);
        return new GeneratedLmk(key);
    }

    /** The LMK from 64 hex digits (the form of the file and of the environment variable). */
    public static Lmk fromHex(String hex) {
        byte[] key = Hex.decode(hex.strip());
        try {
            return new Lmk(key);
        } finally {
            Secrets.zero(key);
        }
    }

    /**
     * Reads the LMK file, refusing it if group or others may read or write it.
     *
     * @throws IOException if the file cannot be read or its permissions are too open
     */
    public static Lmk readFile(Path file) throws IOException {
        if (isPosix() && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
            throw new IOException("LMK file " + file
                    + " must be readable by its owner only (chmod 600)");
        }
        byte[] content = Files.readAllBytes(file);
        try {
            return fromHex(new String(content, StandardCharsets.US_ASCII));
        } finally {
            Secrets.zero(content);
        }
    }

    /** The AES-CMAC check value of the LMK: six hex digits, safe to print and compare. */
    public String checkValue() {
        return checkValue;
    }

    byte[] wrapKey() {
        return wrapKey;
    }

    byte[] fileMacKey() {
        return fileMacKey;
    }

    @Override
    public String toString() {
        return "Lmk[kcv=" + checkValue + "]";
    }

    static boolean isPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** SP 800-108 counter mode, PRF AES-CMAC: two blocks of [i] || label || 00 || [256]. */
    private static byte[] derive(byte[] key, String label) {
        byte[] labelBytes = label.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[32];
        for (int i = 1; i <= 2; i++) {
            byte[] input = new byte[1 + labelBytes.length + 3];
            input[0] = (byte) i;
            System.arraycopy(labelBytes, 0, input, 1, labelBytes.length);
            input[input.length - 2] = 0x01;
            byte[] block = Cmac.compute(BlockAlgorithm.AES, key, input);
            System.arraycopy(block, 0, out, (i - 1) * 16, 16);
        }
        return out;
    }

    /** A new LMK still holding its clear value so that it can be written to its file once. */
    public static final class GeneratedLmk {
        private final byte[] key;

        private GeneratedLmk(byte[] key) {
            this.key = key;
        }

        /** Writes the LMK as hex to a new file with owner-only permissions. */
        public Lmk writeFile(Path file) throws IOException {
            byte[] hex = Hex.encode(key).getBytes(StandardCharsets.US_ASCII);
            try {
                if (isPosix()) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                } else {
                    Files.createFile(file);
                }
                Files.write(file, hex);
                return new Lmk(key);
            } finally {
                Secrets.zero(hex);
                Secrets.zero(key);
            }
        }

        /** The LMK without writing it anywhere (tests, in-memory demos). */
        public Lmk toLmk() {
            Lmk lmk = new Lmk(key);
            Arrays.fill(key, (byte) 0);
            return lmk;
        }

        @Override
        public String toString() {
            return "GeneratedLmk[redacted]";
        }
    }
}
