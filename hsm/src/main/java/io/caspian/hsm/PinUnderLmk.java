package io.caspian.hsm;

import io.caspian.hsm.crypto.Hex;
import java.util.Arrays;

/**
 * A reference PIN encrypted under the LMK and bound to one PAN: what an issuer stores to
 * verify PINs later without ever holding a clear PIN. Opaque outside the HSM.
 *
 * @param bytes the LMK-encrypted PIN record; copied in and out
 */
public record PinUnderLmk(byte[] bytes) {
    public PinUnderLmk {
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException("an LMK-encrypted PIN cannot be empty");
        }
        bytes = bytes.clone();
    }

    public static PinUnderLmk ofHex(String hex) {
        return new PinUnderLmk(Hex.decode(hex));
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public String toHex() {
        return Hex.encode(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PinUnderLmk that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "PinUnderLmk[" + bytes.length + " bytes]";
    }
}
