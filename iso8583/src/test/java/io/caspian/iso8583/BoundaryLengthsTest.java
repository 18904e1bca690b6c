package io.caspian.iso8583;

import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.iso8583.dialect.Dialect;
import io.caspian.iso8583.dialect.Dialects;
import io.caspian.iso8583.dialect.FieldSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every variable field of every shipped dialect at its minimum (0), its max and max + 1. */
class BoundaryLengthsTest {

    static List<Arguments> variableFields() throws Exception {
        List<Arguments> out = new ArrayList<>();
        for (String name : Dialects.BUILT_IN) {
            for (FieldSpec f : Dialects.builtIn(name).fields()) {
                if (!f.isFixed()) {
                    out.add(Arguments.of(name, f.number()));
                }
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} field {1}")
    @MethodSource("variableFields")
    void minAndMaxRoundTripAndMaxPlusOneIsRefused(String name, int field) throws Exception {
        Dialect d = Dialects.builtIn(name);
        IsoCodec codec = new IsoCodec(d);
        FieldSpec spec = d.field(field);
        Random rnd = new Random(field);

        for (int units : new int[] {spec.min(), spec.max()}) {
            IsoMessage m = message(d);
            RandomMessages.setWithLength(m, spec, units, rnd);
            if (!m.has(field)) {
                continue; // a TLV field cannot be filled to exactly this length
            }
            assertThat(m.length(field)).isEqualTo(units);
            byte[] wire = ((EncodeResult.Success) codec.encode(m)).bytes();
            IsoMessage back = ((DecodeResult.Success) codec.decode(wire)).message();
            assertThat(back.getString(field)).isEqualTo(m.getString(field));
        }

        IsoMessage tooLong = message(d);
        String oneMore = spec.type().isText()
                ? "1".repeat(spec.max() + 1) : "00".repeat(spec.max() + 1);
        CodecFailure f = tooLong.trySet(field, oneMore);
        assertThat(f).isNotNull();
        assertThat(f.reason()).isIn(FailureReason.LENGTH_OUT_OF_RANGE,
                FailureReason.BAD_CHARACTER);
        assertThat(tooLong.has(field)).isFalse();

        if (spec.max() < spec.lengthKind().limit()) {
            assertDecodeRefusesMaxPlusOne(codec, spec, rnd);
        }
    }

    /** Writes a prefix of max + 1 over a valid max-length field; decode must say so. */
    private static void assertDecodeRefusesMaxPlusOne(IsoCodec codec, FieldSpec spec, Random rnd) {
        Dialect d = codec.dialect();
        IsoMessage m = message(d);
        RandomMessages.setWithLength(m, spec, spec.max(), rnd);
        if (!m.has(spec.number())) {
            return;
        }
        byte[] wire = ((EncodeResult.Success) codec.encode(m)).bytes();
        int bitmaps = spec.number() > 64 ? 2 : 1;
        int prefixAt = d.mtiBytes() + bitmaps * d.bitmapBytes();
        int extra = spec.wireBytes(spec.max() + 1) - spec.wireBytes(spec.max());
        byte[] longer = Arrays.copyOf(wire, wire.length + extra);
        FieldCodec.writePrefix(spec.lengthEncoding(), spec.lengthKind().prefixDigits(),
                spec.max() + 1, longer, prefixAt);
        DecodeResult r = codec.decode(longer);
        assertThat(r).isInstanceOf(DecodeResult.Failure.class);
        CodecFailure f = ((DecodeResult.Failure) r).failure();
        assertThat(f.field()).isEqualTo(spec.number());
        assertThat(f.reason()).isEqualTo(FailureReason.LENGTH_OUT_OF_RANGE);
        assertThat(f.offset()).isEqualTo(prefixAt);
    }

    private static IsoMessage message(Dialect d) {
        return new IsoMessage(d).setMti(d.isoVersion().mtiDigit() * 1000 + 200);
    }
}
