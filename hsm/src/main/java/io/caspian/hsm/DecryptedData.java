package io.caspian.hsm;

import java.util.Arrays;

/**
 * Data decrypted under a data key: clear, so it is never shown by {@link #toString()}.
 *
 * @param data the clear data; copied in and out, so the caller should zero its copy
 * @param keyVersion the data key version that decrypted it
 */
public record DecryptedData(byte[] data, int keyVersion) {
    public DecryptedData {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DecryptedData that && keyVersion == that.keyVersion
                && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(data) + keyVersion;
    }

    @Override
    public String toString() {
        return "DecryptedData[" + data.length + " bytes, v" + keyVersion + ", redacted]";
    }
}
