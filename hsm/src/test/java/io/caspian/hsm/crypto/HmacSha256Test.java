package io.caspian.hsm.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HmacSha256Test {
    /** RFC 4231 section 4.3, test case 2: a key shorter than the output ("Jefe"). */
    @Test
    void rfc4231TestCase2() {
        byte[] key = "Jefe".getBytes(StandardCharsets.US_ASCII);
        byte[] data = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
        assertThat(Hex.encode(HmacSha256.compute(key, data))).isEqualTo(
                "5BDCC146BF60754E6A042426089575C75A003F089D2739839DEC58B964EC3843");
    }

    /** RFC 4231 section 4.2, test case 1: twenty 0x0b bytes over "Hi There". */
    @Test
    void rfc4231TestCase1() {
        byte[] key = Hex.decode("0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B");
        byte[] data = "Hi There".getBytes(StandardCharsets.US_ASCII);
        assertThat(Hex.encode(HmacSha256.compute(key, data))).isEqualTo(
                "B0344C61D8DB38535CA8AFCEAF0BF12B881DC200C9833DA726E9376C2E32CFF7");
    }
}
