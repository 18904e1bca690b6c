package io.caspian.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.caspian.iso8583.IsoMessage;
import io.caspian.iso8583.dialect.Dialects;
import org.junit.jupiter.api.Test;

/** What the trace keeps of a message: every field, none of its secrets in clear. */
class MessageTapTest {
    @Test
    void theDumpNamesEveryFieldAndMasksPanTrackAndPinBlock() throws Exception {
        IsoMessage m = new IsoMessage(Dialects.builtIn("mir")).setMti("0200")
                .set(2, "2200123456789019").set(3, "000000").set(11, "000042")
                .set(35, "2200123456789019=30121011234000")
                .setBytes(52, new byte[] {0x12, 0x34, 0x56, 0x78, (byte) 0x9A, (byte) 0xBC,
                        (byte) 0xDE, (byte) 0xF0});
        String dump = MessageTap.dump(m);
        String[] lines = dump.split("\n");
        assertThat(lines[0]).isEqualTo("0200");
        assertThat(lines).hasSize(6);
        assertThat(lines[1]).startsWith("2\t").endsWith("\t220012******9019");
        assertThat(lines[3]).isEqualTo("11\t" + Dialects.builtIn("mir").field(11).name()
                + "\t000042");
        assertThat(dump).doesNotContain("2200123456789019", "123456789ABCDEF0",
                "123456789abcdef0", "=3012101");
        assertThat(lines[5]).startsWith("52\t").doesNotContainPattern("[0-9A-Fa-f]{4}");
    }
}
