package io.caspian.iso8583;

import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.iso8583.dialect.Dialect;
import io.caspian.iso8583.dialect.DialectException;
import io.caspian.iso8583.dialect.Dialects;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any valid message of any shipped dialect survives encode and decode unchanged. */
class RoundTripProperties {

    @Provide
    Arbitrary<String> dialects() {
        return Arbitraries.of(Dialects.BUILT_IN);
    }

    @Property(tries = 2000)
    void encodeThenDecodeGivesTheSameFieldsAndTheSameBytes(@ForAll("dialects") String name,
            @ForAll long seed) throws DialectException {
        Dialect d = Dialects.builtIn(name);
        IsoCodec codec = new IsoCodec(d);
        IsoMessage original = RandomMessages.random(d, new Random(seed));

        byte[] wire = ((EncodeResult.Success) codec.encode(original)).bytes();
        DecodeResult result = codec.decode(wire);

        assertThat(result).as(() -> "decoding " + original).isInstanceOf(DecodeResult.Success.class);
        IsoMessage decoded = ((DecodeResult.Success) result).message();
        assertThat(decoded.mti()).isEqualTo(original.mti());
        assertThat(decoded.fieldNumbers()).containsExactly(original.fieldNumbers());
        for (int f : original.fieldNumbers()) {
            assertThat(decoded.getString(f)).as("field %d", f).isEqualTo(original.getString(f));
        }
        byte[] again = ((EncodeResult.Success) codec.encode(decoded)).bytes();
        assertThat(Arrays.equals(again, wire)).as("re-encoded bytes equal").isTrue();
    }

    @Property(tries = 500)
    void valuesCarriedToAnotherDialectComeBackUnchanged(@ForAll("dialects") String from,
            @ForAll("dialects") String to, @ForAll long seed) throws DialectException {
        Dialect source = Dialects.builtIn(from);
        Dialect target = Dialects.builtIn(to);
        IsoMessage original = RandomMessages.random(source, new Random(seed));
        IsoMessage carried = new IsoMessage(target);
        for (int f : original.fieldNumbers()) {
            if (carried.copyFrom(original, f) == null) {
                assertThat(carried.getString(f)).as("field %d", f)
                        .isEqualTo(original.getString(f));
            }
        }
    }
}
