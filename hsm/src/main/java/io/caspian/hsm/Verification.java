package io.caspian.hsm;

/**
 * The answer to a PIN or MAC verification: a mismatch is an answer, not a refusal.
 *
 * @param verified whether the PIN or MAC matched
 * @param keyVersion the key version that verified it; 0 when nothing matched
 */
public record Verification(boolean verified, int keyVersion) {
}
