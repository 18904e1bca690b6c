package io.caspian.bench.codec;

import io.caspian.iso8583.DecodeResult;
import io.caspian.iso8583.IsoCodec;
import io.caspian.iso8583.IsoMessage;
import io.caspian.iso8583.dialect.DialectException;
import io.caspian.iso8583.dialect.Dialects;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decode, encode and decode+encode of a typical 0200 purchase (25-26 fields: the golden
 * vectors iso87-ascii/0200 and mir/0200 of the iso8583 tests), one thread.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar CodecBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CodecBenchmark {
    /** iso87-ascii 0200, 26 fields (golden/iso87-ascii/0200.hex). */
    static final String ISO87_ASCII_0200 = "30323030373233453636443141384531393030303136343736313733393030313031303131393030"
            + "30303030303030303030313530303030313132353130333031353030303132343133333031353131"
            + "32353238313231313235353431313634333032313030313030313244303030303031353030373132"
            + "3334353637313139383736353433323130313337343736313733393030313031303131393D323831"
            + "32323031313233343536373839303132333533333031303030303132345445524D303030314D4552"
            + "4348414E54303030303030314341535049414E20544553542053484F5020202020202020204D4F53"
            + "434F572020202020202052553031394341535049414E2F474F4C44454E3B30323030363433384131"
            + "46324333443445354636303731";

    /** mir 0200 with EMV data in DE 55, 25 fields (golden/mir/0200.hex). */
    static final String MIR_0200 = "0200723E6681A8E19200162200700000012343000000000000150000112510301500400213301511"
            + "25281211255411064300510001000622000105099900352200700000012343D28122010000000000"
            + "0FF5F3F3F0F1F0F0F0F4F0F0F2E3C5D9D4F0F0F0F1D4C5D9C3C8C1D5E3F0F0F0F0F0F0F1C3C1E2D7"
            + "C9C1D540E3C5E2E340E2C8D6D74040404040404040D4D6E2C3D6E640404040404040D9E40006F0F1"
            + "F0F0F1D906438A1F2C3D4E5F6071007C9F260811223344556677889F2701809F10120110A0400924"
            + "0000000000000000000000FF9F37041A2B3C4D9F36020042950500000080009A032511259C01009F"
            + "02060000001500009F03060000000000005F2A020643820219809F1A0206439F3303E0F8C89F3403"
            + "1F03029F3501228407A00000065810105F340101";

    @Param({"iso87-ascii", "mir"})
    String dialect;

    private IsoCodec codec;
    private byte[] wire;
    private IsoMessage decoded;
    private byte[] out;

    @Setup
    public void setUp() throws DialectException {
        codec = new IsoCodec(Dialects.builtIn(dialect));
        wire = unhex(dialect.equals("mir") ? MIR_0200 : ISO87_ASCII_0200);
        decoded = ((DecodeResult.Success) codec.decode(wire)).message();
        out = new byte[wire.length];
        if (decoded.fieldNumbers().length < 25) {
            throw new IllegalStateException("not a typical 0200");
        }
    }

    @Benchmark
    public DecodeResult decode() {
        return codec.decode(wire);
    }

    /** Encode into a new byte array, as a link writing a reply does. */
    @Benchmark
    public byte[] encode() {
        byte[] b = new byte[codec.encodedLength(decoded)];
        codec.encodeTo(decoded, b, 0);
        return b;
    }

    /** The switch's path for one message: bytes in, message, bytes out. */
    @Benchmark
    public byte[] decodeEncode() {
        IsoMessage m = ((DecodeResult.Success) codec.decode(wire)).message();
        byte[] b = new byte[codec.encodedLength(m)];
        codec.encodeTo(m, b, 0);
        return b;
    }

    /** Decode, read the fields a flow reads (PAN, amount, STAN), re-encode into a buffer. */
    @Benchmark
    public int decodeReadEncode() {
        IsoMessage m = ((DecodeResult.Success) codec.decode(wire)).message();
        long amount = m.getLong(4);
        long stan = m.getLong(11);
        String pan = m.getString(2);
        int end = codec.encodeTo(m, out, 0);
        return end + (int) (amount + stan) + pan.length();
    }

    static byte[] unhex(String s) {
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }
}
