package io.caspian.hsm;

/**
 * A PIN block translated to the destination key and format.
 *
 * @param pinBlock the block under the destination key
 * @param sourceKeyVersion the version of the source key that decoded the block
 * @param destinationKeyVersion the version of the destination key that encrypted it
 */
public record TranslatedPin(EncryptedPinBlock pinBlock, int sourceKeyVersion,
        int destinationKeyVersion) {
}
