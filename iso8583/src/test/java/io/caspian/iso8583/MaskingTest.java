package io.caspian.iso8583;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caspian.iso8583.dialect.Dialects;
import io.caspian.iso8583.json.MessageJson;
import org.junit.jupiter.api.Test;

/** No dump shows a PAN beyond first 6 and last 4, nor any track, PIN block or key data. */
class MaskingTest {
    private static final String PAN = "2200700000012343";
    private static final String TRACK = "2200700000012343=281220100000000000";

    private IsoMessage purchase() throws Exception {
        IsoMessage m = new IsoCodec(Dialects.builtIn("mir")).newMessage().setMti("0200");
        m.set(2, PAN).set(3, "000000").set(4, 150000).set(35, TRACK)
                .set(52, "8A1F2C3D4E5F6071")
                .set(55, "5A08" + PAN + "9F02060000001500005F340101");
        return m;
    }

    @Test
    void oneLineDumpMasksPanTrackPinBlockAndEmvDataHoldingThePan() throws Exception {
        String dump = purchase().toString();
        assertThat(dump).contains("2=220070******2343").contains("4=000000150000");
        assertThat(dump).doesNotContain(PAN).doesNotContain("00000012343")
                .doesNotContain("8A1F2C3D4E5F6071").doesNotContain("281220");
        assertThat(dump).contains("35=220070*****************");
    }

    @Test
    void jsonMasksUnlessAskedAndElementsAreMaskedToo() throws Exception {
        IsoMessage m = purchase();
        ObjectNode masked = MessageJson.toJson(m, false);
        String text = masked.toString();
        assertThat(text).doesNotContain(PAN).doesNotContain("8A1F2C3D4E5F6071");
        assertThat(masked.at("/fields/2/masked").asBoolean()).isTrue();
        assertThat(masked.at("/fields/55/elements/0/id").asText()).isEqualTo("5A");
        assertThat(masked.at("/fields/55/elements/0/value").asText())
                .isEqualTo("220070******2343");

        ObjectNode clear = MessageJson.toJson(m, true);
        assertThat(clear.at("/fields/2/value").asText()).isEqualTo(PAN);
        assertThat(clear.at("/fields/52/value").asText()).isEqualTo("8A1F2C3D4E5F6071");
    }

    @Test
    void aMaskedDumpCannotBeEncodedBackByMistake() throws Exception {
        IsoMessage m = purchase();
        ObjectNode masked = MessageJson.toJson(m, false);
        MessageJson.Result r = MessageJson.fromJson(masked, new IsoCodec(m.dialect()));
        assertThat(r).isInstanceOf(MessageJson.Result.Failure.class);
        assertThat(((MessageJson.Result.Failure) r).failure().describe())
                .contains("decode with --unmask");

        MessageJson.Result back = MessageJson.fromJson(MessageJson.toJson(m, true),
                new IsoCodec(m.dialect()));
        IsoMessage again = ((MessageJson.Result.Success) back).message();
        assertThat(again.getString(2)).isEqualTo(PAN);
        assertThat(again.getString(55)).isEqualTo(m.getString(55));
    }

    @Test
    void decodeFailuresNeverCarryFieldContent() throws Exception {
        IsoCodec codec = new IsoCodec(Dialects.builtIn("iso87-ascii"));
        IsoMessage m = codec.newMessage().setMti("0200").set(2, "4761739001010119");
        byte[] wire = ((EncodeResult.Success) codec.encode(m)).bytes();
        wire[wire.length - 1] = 'X';
        CodecFailure f = ((DecodeResult.Failure) codec.decode(wire)).failure();
        assertThat(f.field()).isEqualTo(2);
        assertThat(f.describe()).doesNotContain("476173900101011");
    }
}
