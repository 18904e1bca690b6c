package io.caspian.hsm;

/**
 * A key encrypted for transport to a scheme.
 *
 * @param form the X9.143 key block, or the hex of the ECB-encrypted key
 * @param checkValue the key's check value, which the receiver verifies on import
 * @param key the exported key's attributes
 */
public record ExportedKey(String form, String checkValue, KeyInfo key) {
}
