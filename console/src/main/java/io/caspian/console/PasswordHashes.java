package io.caspian.console;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Passwords kept as PBKDF2-HMAC-SHA256 hashes (NIST SP 800-132), slow on purpose so that a
 * stolen configuration file does not give the passwords away quickly:
 *
 * <pre>
 * pbkdf2-sha256:ITERATIONS:SALT(base64, 16 bytes):HASH(base64, 32 bytes)
 * </pre>
 *
 * <p>{@code caspian console hash-password} prints one for the configuration file.
 */
public final class PasswordHashes {
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    public static final int ITERATIONS = 600_000;
    /** Fewest iterations a configured hash may have. */
    public static final int ITERATIONS_MIN = 100_000;
    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHashes() {
    }

    public static String hash(char[] password) {
        return hash(password, ITERATIONS);
    }

    static String hash(char[] password, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return SCHEME + ":" + iterations + ":" + b64.encodeToString(salt) + ":"
                + b64.encodeToString(derive(password, salt, iterations));
    }

    /** Whether the password matches; compares in constant time. */
    public static boolean verify(String stored, char[] password) {
        String[] parts = requireWellFormed(stored);
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] salt = b64.decode(parts[2]);
        byte[] expected = b64.decode(parts[3]);
        byte[] actual = derive(password, salt, Integer.parseInt(parts[1]));
        return MessageDigest.isEqual(expected, actual);
    }

    static String[] requireWellFormed(String stored) {
        String[] parts = stored == null ? new String[0] : stored.split(":", -1);
        boolean ok = parts.length == 4 && parts[0].equals(SCHEME)
                && parts[1].matches("[0-9]{6,9}")
                && Integer.parseInt(parts[1]) >= ITERATIONS_MIN;
        if (ok) {
            try {
                Base64.getDecoder().decode(parts[2]);
                ok = Base64.getDecoder().decode(parts[3]).length == HASH_BITS / 8;
            } catch (IllegalArgumentException e) {
                ok = false;
            }
        }
        if (!ok) {
            throw new IllegalArgumentException("password hash is not of the form " + SCHEME
                    + ":ITERATIONS(>=" + ITERATIONS_MIN + "):SALT:HASH (make one with"
                    + " caspian console hash-password)");
        }
        return parts;
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec)
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }
}
