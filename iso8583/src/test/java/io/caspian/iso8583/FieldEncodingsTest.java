package io.caspian.iso8583;

import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.iso8583.dialect.Dialect;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One field at a time: type x length kind x encoding, the exact bytes it takes on the wire
 * (after MTI 0200 and an 8-byte binary bitmap with only DE 2), and back.
 */
class FieldEncodingsTest {

    @ParameterizedTest(name = "{0} value {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        // spec                                                                      | value | wire
        "type: n, length: fixed, max: 6, encoding: ascii                             | 123   | 303030313233",
        "type: n, length: fixed, max: 5, encoding: bcd                               | 12345 | 012345",
        "type: n, length: fixed, max: 5, encoding: bcd-right                         | 12345 | 123450",
        "type: n, length: fixed, max: 5, encoding: bcd-right-f                       | 12345 | 12345F",
        "type: n, length: fixed, max: 4, encoding: ebcdic                            | 42    | F0F0F4F2",
        "type: n, length: LL, max: 19, lengthEncoding: ascii, encoding: ascii        | 4761  | 303434373631",
        "type: n, length: LL, max: 19, lengthEncoding: bcd, encoding: bcd            | 123   | 030123",
        "type: n, length: LL, max: 19, lengthEncoding: bcd, encoding: bcd-right      | 123   | 031230",
        "type: n, length: LLL, max: 999, lengthEncoding: bcd, encoding: bcd          | 12    | 000212",
        "type: n, length: LLL, max: 999, lengthEncoding: binary, encoding: ascii     | 12    | 00023132",
        "type: n, length: LL, max: 99, lengthEncoding: binary, encoding: ascii       | 12    | 023132",
        "type: n, length: LLLL, max: 9999, lengthEncoding: ascii, encoding: ascii    | 7     | 3030303137",
        "type: n, length: LL, max: 9, lengthEncoding: ebcdic, encoding: ebcdic       | 7     | F0F1F7",
        "type: an, length: fixed, max: 8, encoding: ascii                            | AB1   | 4142312020202020",
        "type: an, length: fixed, max: 4, encoding: ebcdic                           | Ab1   | C182F140",
        "type: a, length: fixed, max: 3, encoding: ascii                             | XY    | 585920",
        "type: ans, length: LL, max: 25, lengthEncoding: ascii, encoding: ascii      | a-b!  | 3034612D6221",
        "type: ans, length: LLL, max: 999, lengthEncoding: ascii, encoding: ebcdic   | a.    | 303032814B",
        "type: z, length: LL, max: 37, lengthEncoding: ascii, encoding: ascii        | 12=34 | 303531323D3334",
        "type: z, length: LL, max: 37, lengthEncoding: bcd, encoding: bcd-right-f    | 12=34 | 0512D34F",
        "type: z, length: LL, max: 37, lengthEncoding: bcd, encoding: bcd            | 12=34 | 05012D34",
        "type: x+n, length: fixed, max: 9, encoding: ascii                           | D00000150 | 443030303030313530",
        "type: x+n, length: fixed, max: 9, encoding: bcd                             | C00000150 | 4300000150",
        "type: b, length: fixed, max: 4, encoding: binary                            | 0A0B0C0D | 0A0B0C0D",
        "type: b, length: fixed, max: 2, encoding: hex                               | 0AFF  | 30414646",
        "type: b, length: LLL, max: 999, lengthEncoding: binary, encoding: binary    | 0102  | 00020102",
        "type: b, length: LL, max: 99, lengthEncoding: ascii, encoding: hex          | 01AB  | 303230314142",
    })
    void writesAndReadsExactBytes(String spec, String value, String wireHex) throws Exception {
        Dialect d = TestDialects.withFields("bcd", "binary", TestDialects.field(2, spec));
        IsoCodec codec = new IsoCodec(d);
        IsoMessage m = codec.newMessage().setMti("0200").set(2, value);

        byte[] wire = ((EncodeResult.Success) codec.encode(m)).bytes();
        String expected = "0200" + "4000000000000000" + wireHex;
        assertThat(Wire.hex(wire, 0, wire.length)).isEqualTo(expected);

        IsoMessage back = ((DecodeResult.Success) codec.decode(wire)).message();
        String padded = m.getString(2);
        assertThat(back.getString(2)).isEqualTo(padded);
        // Padding only ever adds zeros on the left or spaces on the right.
        assertThat(padded).satisfiesAnyOf(
                p -> assertThat(p).isEqualTo(value),
                p -> assertThat(p).matches("0+" + Pattern.quote(value)),
                p -> assertThat(p).matches(Pattern.quote(value) + " +"));
    }

    @ParameterizedTest(name = "{0} rejects {1}")
    @CsvSource(delimiter = '|', value = {
        "type: n, length: fixed, max: 4, encoding: ascii          | 12a4  | BAD_CHARACTER",
        "type: n, length: fixed, max: 4, encoding: ascii          | 12345 | LENGTH_OUT_OF_RANGE",
        "type: a, length: fixed, max: 4, encoding: ascii          | AB1   | BAD_CHARACTER",
        "type: an, length: fixed, max: 4, encoding: ascii         | AB-   | BAD_CHARACTER",
        "type: z, length: LL, max: 37, lengthEncoding: ascii, encoding: ascii | 12?4 | BAD_CHARACTER",
        "type: x+n, length: fixed, max: 5, encoding: ascii        | X0001 | BAD_CHARACTER",
        "type: x+n, length: fixed, max: 5, encoding: ascii        | D00C1 | BAD_CHARACTER",
        "type: b, length: fixed, max: 2, encoding: binary         | 0A    | LENGTH_OUT_OF_RANGE",
        "type: b, length: fixed, max: 2, encoding: binary         | 0AZZ  | BAD_HEX",
        "type: ans, length: LL, max: 3, lengthEncoding: ascii, encoding: ascii | abcd | LENGTH_OUT_OF_RANGE",
        "type: ans, length: LL, max: 9, min: 2, lengthEncoding: ascii, encoding: ascii | a | LENGTH_OUT_OF_RANGE",
    })
    void refusesValuesThatDoNotFit(String spec, String value, FailureReason reason)
            throws Exception {
        Dialect d = TestDialects.withFields("ascii", "hex", TestDialects.field(2, spec));
        IsoMessage m = new IsoCodec(d).newMessage().setMti("0100");
        CodecFailure f = m.trySet(2, value);
        assertThat(f).isNotNull();
        assertThat(f.reason()).isEqualTo(reason);
        assertThat(f.field()).isEqualTo(2);
        assertThat(m.has(2)).isFalse();
    }

    @ParameterizedTest(name = "{0}: {1} -> {2} at {3}")
    @CsvSource(delimiter = '|', value = {
        // spec                                                             | wire after bitmap | reason | offset
        "type: n, length: fixed, max: 4, encoding: ascii                    | 31325834 | BAD_CHARACTER | 22",
        "type: n, length: fixed, max: 4, encoding: bcd                      | 1A34     | BAD_BCD | 20",
        "type: n, length: fixed, max: 3, encoding: bcd                      | 1234     | BAD_BCD | 20",
        "type: n, length: LL, max: 19, lengthEncoding: ascii, encoding: ascii | 3A31   | BAD_LENGTH_PREFIX | 20",
        "type: n, length: LL, max: 5, lengthEncoding: ascii, encoding: ascii | 3036313233343536 | LENGTH_OUT_OF_RANGE | 20",
        "type: n, length: LL, max: 19, lengthEncoding: ascii, encoding: ascii | 30353132 | TRUNCATED | 20",
        "type: n, length: fixed, max: 4, encoding: ascii                    | 3132     | TRUNCATED | 20",
        "type: b, length: fixed, max: 2, encoding: hex                      | 30474646 | BAD_HEX | 21",
        "type: n, length: fixed, max: 2, encoding: ascii                    | 31323334 | TRAILING_BYTES | 22",
    })
    void decodeNamesFieldOffsetAndReason(String spec, String fieldHex, FailureReason reason,
            int offset) throws Exception {
        Dialect d = TestDialects.withFields("ascii", "hex", TestDialects.field(2, spec));
        byte[] wire = Wire.unhex(hexAscii("0200") + hexAscii("4000000000000000") + fieldHex);
        DecodeResult r = new IsoCodec(d).decode(wire);
        assertThat(r).isInstanceOf(DecodeResult.Failure.class);
        CodecFailure f = ((DecodeResult.Failure) r).failure();
        assertThat(f.mti()).isEqualTo("0200");
        assertThat(f.field()).isEqualTo(reason == FailureReason.TRAILING_BYTES ? -1 : 2);
        assertThat(f.reason()).isEqualTo(reason);
        assertThat(f.offset()).isEqualTo(offset);
    }

    @org.junit.jupiter.api.Test
    void salvageKeepsTheFieldsBeforeTheFaultForAFormatErrorReply() throws Exception {
        Dialect d = TestDialects.withFields("ascii", "hex",
                TestDialects.field(11, "type: n, length: fixed, max: 6, encoding: ascii")
                + TestDialects.field(41, "type: ans, length: fixed, max: 8, encoding: ascii"));
        IsoCodec codec = new IsoCodec(d);
        IsoMessage m = codec.newMessage().setMti("0200").set(11, "000123").set(41, "TERM0001");
        byte[] wire = ((EncodeResult.Success) codec.encode(m)).bytes();
        wire[wire.length - 1] = (byte) 0x01;
        assertThat(codec.decode(wire)).isInstanceOf(DecodeResult.Failure.class);
        IsoMessage salvaged = codec.salvage(wire, 0, wire.length);
        assertThat(salvaged.mti()).isEqualTo("0200");
        assertThat(salvaged.getString(11)).isEqualTo("000123");
        assertThat(salvaged.has(41)).isFalse();
    }

    static String hexAscii(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return Wire.hex(b, 0, b.length);
    }
}
