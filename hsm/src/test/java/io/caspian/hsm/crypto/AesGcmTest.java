package io.caspian.hsm.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * AES-256 test cases 13 to 16 of McGrew and Viega, "The Galois/Counter Mode of Operation
 * (GCM)", revised 2005 (the vectors NIST's GCM validation published with SP 800-38D).
 */
class AesGcmTest {
    private static final String K16 =
            "FEFFE9928665731C6D6A8F9467308308FEFFE9928665731C6D6A8F9467308308";
    private static final String P16 = "D9313225F88406E5A55909C5AFF5269A86A7A9531534F7DA2E4C303D"
            + "8A318A721C3C0C95956809532FCF0E2449A6B525B16AEDF5AA0DE657BA637B39";
    private static final String C16 = "522DC1F099567D07F47F37A32A84427D643A8CDCBFE5C0C97598A2BD"
            + "2555D1AA8CB08E48590DBB3DA7B08B1056828838C5F61E6393BA7A0ABCC9F662";

    @ParameterizedTest(name = "GCM test case {0}")
    @CsvSource({
        "13, " + "0000000000000000000000000000000000000000000000000000000000000000"
                + ", 000000000000000000000000, '', '', 530F8AFBC74536B9A963B4F1C4CB738B",
        "14, " + "0000000000000000000000000000000000000000000000000000000000000000"
                + ", 000000000000000000000000, 00000000000000000000000000000000, '',"
                + " CEA7403D4D606B6E074EC5D3BAF39D18D0D1C8A799996BF0265B98B5D48AB919",
        "16, " + K16 + ", CAFEBABEFACEDBADDECAF888, " + P16
                + ", FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2, " + C16
                + "76FC6ECE0F4E1768CDDF8853BB2D551B"
    })
    void aes256Vectors(int testCase, String key, String nonce, String plaintext, String aad,
            String ciphertextAndTag) {
        byte[] k = Hex.decode(key);
        byte[] sealed = AesGcm.seal(k, Hex.decode(nonce), bytes(aad), bytes(plaintext));
        assertThat(Hex.encode(sealed)).isEqualTo(nonce + ciphertextAndTag);
        assertThat(AesGcm.open(k, sealed, bytes(aad))).hasValueSatisfying(
                clear -> assertThat(Hex.encode(clear)).isEqualTo(plaintext == null ? ""
                        : plaintext));
        sealed[sealed.length - 1] ^= 1;
        assertThat(AesGcm.open(k, sealed, bytes(aad))).isEmpty();
    }

    private static byte[] bytes(String hex) {
        return hex == null ? new byte[0] : Hex.decode(hex);
    }
}
