package io.caspian.hsm;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The closed set of commands an {@link Hsm} runs. Each names its output type {@code R}.
 *
 * <p>No command's {@code toString()} shows a PIN, a PIN block, a key or MACed data.
 *
 * @param <R> the output of the command
 */
public sealed interface HsmCommand<R> {

    /** Generates a random key and stores it as the next version of {@code id}. */
    record GenerateKey(String id, KeyUsage usage, KeyAlgorithm algorithm)
            implements HsmCommand<KeyInfo> {
        public GenerateKey {
            KeyRef.current(id);
            Objects.requireNonNull(usage, "usage");
            Objects.requireNonNull(algorithm, "algorithm");
        }
    }

    /**
     * Imports an X9.143 key block under a ZMK as the next version of {@code id}; usage,
     * algorithm, mode of use and exportability come from the block's header.
     *
     * @param expectedCheckValue the check value the sender gave, verified before storing
     */
    record ImportKeyBlock(String id, KeyRef zmk, String keyBlock, String expectedCheckValue)
            implements HsmCommand<KeyInfo> {
        public ImportKeyBlock {
            KeyRef.current(id);
            Objects.requireNonNull(zmk, "zmk");
            Objects.requireNonNull(keyBlock, "keyBlock");
            Objects.requireNonNull(expectedCheckValue, "expectedCheckValue");
        }

        @Override
        public String toString() {
            return "ImportKeyBlock[" + id + " under " + zmk + "]";
        }
    }

    /** Imports a TDES key encrypted under a TDES ZMK in ECB mode (the legacy form). */
    record ImportKeyEcb(String id, KeyUsage usage, KeyAlgorithm algorithm, KeyRef zmk,
            byte[] encryptedKey, String expectedCheckValue) implements HsmCommand<KeyInfo> {
        public ImportKeyEcb {
            KeyRef.current(id);
            Objects.requireNonNull(usage, "usage");
            Objects.requireNonNull(algorithm, "algorithm");
            Objects.requireNonNull(zmk, "zmk");
            encryptedKey = encryptedKey.clone();
            Objects.requireNonNull(expectedCheckValue, "expectedCheckValue");
        }

        @Override
        public byte[] encryptedKey() {
            return encryptedKey.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ImportKeyEcb that && id.equals(that.id) && usage == that.usage
                    && algorithm == that.algorithm && zmk.equals(that.zmk)
                    && Arrays.equals(encryptedKey, that.encryptedKey)
                    && expectedCheckValue.equals(that.expectedCheckValue);
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, usage, algorithm, zmk, Arrays.hashCode(encryptedKey));
        }

        @Override
        public String toString() {
            return "ImportKeyEcb[" + id + " " + usage + " " + algorithm + " under " + zmk + "]";
        }
    }

    /** Exports a key under a ZMK as an X9.143 key block of version 'B' (TDES) or 'D' (AES). */
    record ExportKeyBlock(KeyRef key, KeyRef zmk, char version)
            implements HsmCommand<ExportedKey> {
        public ExportKeyBlock {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(zmk, "zmk");
        }
    }

    /** Exports a TDES key under a TDES ZMK in the legacy ECB form. */
    record ExportKeyEcb(KeyRef key, KeyRef zmk) implements HsmCommand<ExportedKey> {
        public ExportKeyEcb {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(zmk, "zmk");
        }
    }

    /** The attributes (never the value) of one key version. */
    record DescribeKey(KeyRef key) implements HsmCommand<KeyInfo> {
        public DescribeKey {
            Objects.requireNonNull(key, "key");
        }
    }

    /** The attributes of every key version in the store. */
    record ListKeys() implements HsmCommand<List<KeyInfo>> {
    }

    /** Retires one version, or every version when the reference names the current one. */
    record RetireKey(KeyRef key) implements HsmCommand<List<KeyInfo>> {
        public RetireKey {
            Objects.requireNonNull(key, "key");
        }
    }

    /**
     * Translates a PIN block from one ZPK and format to another, under the PCI translation
     * rules; the PAN is the same on both sides.
     */
    record TranslatePin(KeyRef sourceKey, PinBlockFormat sourceFormat, KeyRef destinationKey,
            PinBlockFormat destinationFormat, Pan pan, EncryptedPinBlock pinBlock)
            implements HsmCommand<TranslatedPin> {
        public TranslatePin {
            Objects.requireNonNull(sourceKey, "sourceKey");
            Objects.requireNonNull(sourceFormat, "sourceFormat");
            Objects.requireNonNull(destinationKey, "destinationKey");
            Objects.requireNonNull(destinationFormat, "destinationFormat");
            Objects.requireNonNull(pan, "pan");
            Objects.requireNonNull(pinBlock, "pinBlock");
        }
    }

    /** Verifies a PIN block under a ZPK against a reference PIN sealed under the LMK. */
    record VerifyPin(KeyRef zpk, PinBlockFormat format, Pan pan, EncryptedPinBlock pinBlock,
            PinUnderLmk reference) implements HsmCommand<Verification> {
        public VerifyPin {
            Objects.requireNonNull(zpk, "zpk");
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(pan, "pan");
            Objects.requireNonNull(pinBlock, "pinBlock");
            Objects.requireNonNull(reference, "reference");
        }
    }

    /** Re-encrypts the PIN of a PIN block under the LMK, bound to the PAN (enrolment). */
    record PinToLmk(KeyRef zpk, PinBlockFormat format, Pan pan, EncryptedPinBlock pinBlock)
            implements HsmCommand<PinUnderLmk> {
        public PinToLmk {
            Objects.requireNonNull(zpk, "zpk");
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(pan, "pan");
            Objects.requireNonNull(pinBlock, "pinBlock");
        }
    }

    /** Builds a PIN block under a ZPK from a PIN sealed under the LMK (a terminal's side). */
    record PinFromLmk(PinUnderLmk reference, Pan pan, KeyRef zpk, PinBlockFormat format)
            implements HsmCommand<EncryptedPinBlock> {
        public PinFromLmk {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(pan, "pan");
            Objects.requireNonNull(zpk, "zpk");
            Objects.requireNonNull(format, "format");
        }
    }

    /**
     * Seals a clear PIN under the LMK, bound to the PAN: for enrolling test cards and
     * simulators only. The command holds the PIN; {@link #toString()} never shows it, and
     * the HSM zeroes the array once the command has run.
     */
    record EnrolPin(char[] pin, Pan pan) implements HsmCommand<PinUnderLmk> {
        public EnrolPin {
            Objects.requireNonNull(pin, "pin");
            Objects.requireNonNull(pan, "pan");
        }

        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }

        @Override
        public String toString() {
            return "EnrolPin[" + pan + ", PIN redacted]";
        }
    }

    /** Generates a MAC over {@code data[offset, offset + length)}. */
    record GenerateMac(KeyRef key, MacAlgorithm algorithm, byte[] data, int offset, int length,
            int macLengthBytes) implements HsmCommand<GeneratedMac> {
        public GenerateMac {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(algorithm, "algorithm");
            Objects.checkFromIndexSize(offset, length, data.length);
        }

        public GenerateMac(KeyRef key, MacAlgorithm algorithm, byte[] data, int macLengthBytes) {
            this(key, algorithm, data, 0, data.length, macLengthBytes);
        }

        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }

        @Override
        public String toString() {
            return "GenerateMac[" + key + " " + algorithm + " over " + length + " bytes]";
        }
    }

    /**
     * Verifies a MAC over {@code data[offset, offset + length)}. With the current version
     * named, previous versions still in their grace period are tried too.
     */
    record VerifyMac(KeyRef key, MacAlgorithm algorithm, byte[] data, int offset, int length,
            byte[] mac) implements HsmCommand<Verification> {
        public VerifyMac {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(algorithm, "algorithm");
            Objects.checkFromIndexSize(offset, length, data.length);
            mac = mac.clone();
        }

        public VerifyMac(KeyRef key, MacAlgorithm algorithm, byte[] data, byte[] mac) {
            this(key, algorithm, data, 0, data.length, mac);
        }

        @Override
        public byte[] mac() {
            return mac.clone();
        }

        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }

        @Override
        public String toString() {
            return "VerifyMac[" + key + " " + algorithm + " over " + length + " bytes]";
        }
    }

    /**
     * Forms a key from two or three clear components at a key ceremony (what a payShield
     * calls "form key from components"): each component's check value is verified, the
     * components are XORed inside the HSM, a TDES result gets odd parity, and the key is
     * stored as the next version of {@code id} with the usage's default mode of use and
     * exportability E. The command owns the component values; the HSM zeroes them once the
     * command has run, whatever its outcome.
     *
     * @param expectedCheckValue the combined key's check value to verify, or null for none
     */
    record FormKey(String id, KeyUsage usage, KeyAlgorithm algorithm,
            List<KeyComponent> components, String expectedCheckValue)
            implements HsmCommand<FormedKey> {
        public FormKey {
            KeyRef.current(id);
            Objects.requireNonNull(usage, "usage");
            Objects.requireNonNull(algorithm, "algorithm");
            components = List.copyOf(components);
        }

        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }

        @Override
        public String toString() {
            return "FormKey[" + id + " " + usage + " " + algorithm + " from "
                    + components.size() + " components]";
        }
    }

    /**
     * Splits an exportable ZMK into {@code count} (2 or 3) random clear components whose XOR
     * is the key, for the other party's key ceremony. The output is clear key material.
     */
    record SplitKey(KeyRef key, int count) implements HsmCommand<KeyComponents> {
        public SplitKey {
            Objects.requireNonNull(key, "key");
        }
    }

    /**
     * The current version of {@code id} if it has this usage and algorithm, else a freshly
     * generated one: how {@code caspian demo} bootstraps its data and look-up hash keys. A
     * current version with another usage or algorithm is refused, never replaced.
     */
    record EnsureKey(String id, KeyUsage usage, KeyAlgorithm algorithm)
            implements HsmCommand<KeyInfo> {
        public EnsureKey {
            KeyRef.current(id);
            Objects.requireNonNull(usage, "usage");
            Objects.requireNonNull(algorithm, "algorithm");
        }

        /** With the default usage of the type (DATA: D0, HASH: M7). */
        public EnsureKey(String id, KeyType type, KeyAlgorithm algorithm) {
            this(id, KeyUsage.defaultFor(type, algorithm), algorithm);
        }
    }

    /**
     * Encrypts data under the current version of a data key (type DATA, AES-256) with
     * AES-256-GCM and a random 96-bit nonce; the associated data is authenticated, not
     * encrypted, and must be given again to decrypt.
     */
    record EncryptData(String keyId, byte[] data, byte[] associatedData)
            implements HsmCommand<EncryptedData> {
        public EncryptData {
            KeyRef.current(keyId);
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(associatedData, "associatedData");
        }

        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }

        @Override
        public String toString() {
            return "EncryptData[" + keyId + ", " + data.length + " bytes, "
                    + associatedData.length + " bytes associated]";
        }
    }

    /**
     * Decrypts what {@link EncryptData} produced, under the version it names (usable until
     * retired, whatever rotations came since). Naming the current version tries the usable
     * versions newest first. A tag that does not verify is refused as
     * {@link HsmError#DATA_AUTHENTICATION_FAILED}.
     */
    record DecryptData(KeyRef key, byte[] ciphertext, byte[] associatedData)
            implements HsmCommand<DecryptedData> {
        public DecryptData {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(ciphertext, "ciphertext");
            Objects.requireNonNull(associatedData, "associatedData");
        }

        public DecryptData(EncryptedData encrypted, byte[] associatedData) {
            this(encrypted.key(), encrypted.ciphertext(), associatedData);
        }

        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }

        @Override
        public String toString() {
            return "DecryptData[" + key + ", " + ciphertext.length + " bytes]";
        }
    }

    /** HMAC-SHA-256 of data under a look-up hash key (type HASH, usage M7, mode C or G). */
    record HashData(KeyRef key, byte[] data) implements HsmCommand<KeyedHash> {
        public HashData {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(data, "data");
        }

        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }

        @Override
        public String toString() {
            return "HashData[" + key + ", " + data.length + " bytes]";
        }
    }
}
