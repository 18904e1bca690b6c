package io.caspian.bench.hsm;

import io.caspian.hsm.EncryptedPinBlock;
import io.caspian.hsm.GeneratedMac;
import io.caspian.hsm.HsmCommand;
import io.caspian.hsm.HsmResult;
import io.caspian.hsm.KeyAlgorithm;
import io.caspian.hsm.KeyRef;
import io.caspian.hsm.KeyUsage;
import io.caspian.hsm.MacAlgorithm;
import io.caspian.hsm.Pan;
import io.caspian.hsm.PinBlockFormat;
import io.caspian.hsm.PinUnderLmk;
import io.caspian.hsm.SoftwareHsm;
import io.caspian.hsm.TranslatedPin;
import io.caspian.hsm.Verification;
import io.caspian.hsm.keys.Lmk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of the software HSM through its public interface, key unsealing from the LMK
 * included (every command unseals its keys and zeroes them after).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HsmBenchmark {
    private static final Pan PAN = Pan.of("2200123456789012");

    private SoftwareHsm hsm;
    private HsmCommand.TranslatePin translate0to0;
    private HsmCommand.TranslatePin translate0to4;
    private HsmCommand.GenerateMac retailMac;
    private HsmCommand.GenerateMac aesCmac;
    private HsmCommand.VerifyMac verifyRetailMac;

    @Setup
    public void setUp() throws IOException {
        Path directory = Files.createTempDirectory("caspian-bench-hsm");
        SecureRandom random = new SecureRandom();
        hsm = SoftwareHsm.create(directory, Lmk.generate(random).toLmk(), Clock.systemUTC(),
                SoftwareHsm.DEFAULT_PREVIOUS_VERSION_GRACE, random);
        generate("zpk.mir", KeyUsage.P0, KeyAlgorithm.TDES_2KEY);
        generate("zpk.shetab", KeyUsage.P0, KeyAlgorithm.TDES_3KEY);
        generate("zpk.aes", KeyUsage.P0, KeyAlgorithm.AES_128);
        generate("zak.mir", KeyUsage.M3, KeyAlgorithm.TDES_2KEY);
        generate("zak.aes", KeyUsage.M6, KeyAlgorithm.AES_128);
        PinUnderLmk reference = hsm.execute(new HsmCommand.EnrolPin("1234".toCharArray(), PAN))
                .orElseThrow();
        EncryptedPinBlock block = hsm.execute(new HsmCommand.PinFromLmk(reference, PAN,
                KeyRef.current("zpk.mir"), PinBlockFormat.ISO_0)).orElseThrow();
        translate0to0 = new HsmCommand.TranslatePin(KeyRef.current("zpk.mir"),
                PinBlockFormat.ISO_0, KeyRef.current("zpk.shetab"), PinBlockFormat.ISO_0, PAN,
                block);
        translate0to4 = new HsmCommand.TranslatePin(KeyRef.current("zpk.mir"),
                PinBlockFormat.ISO_0, KeyRef.current("zpk.aes"), PinBlockFormat.ISO_4, PAN,
                block);
        byte[] message = new byte[200];
        random.nextBytes(message);
        retailMac = new HsmCommand.GenerateMac(KeyRef.current("zak.mir"),
                MacAlgorithm.ISO9797_ALG3_PAD2, message, 8);
        aesCmac = new HsmCommand.GenerateMac(KeyRef.current("zak.aes"), MacAlgorithm.AES_CMAC,
                message, 8);
        byte[] mac = hsm.execute(retailMac).orElseThrow().mac();
        verifyRetailMac = new HsmCommand.VerifyMac(KeyRef.current("zak.mir"),
                MacAlgorithm.ISO9797_ALG3_PAD2, message, mac);
    }

    private void generate(String id, KeyUsage usage, KeyAlgorithm algorithm) {
        hsm.execute(new HsmCommand.GenerateKey(id, usage, algorithm)).orElseThrow();
    }

    /** ISO 9564 format 0 under a double-length ZPK to format 0 under a triple-length one. */
    @Benchmark
    public HsmResult<TranslatedPin> pinTranslateFormat0ToFormat0() {
        return hsm.execute(translate0to0);
    }

    /** Format 0 under TDES to format 4 under AES-128. */
    @Benchmark
    public HsmResult<TranslatedPin> pinTranslateFormat0ToFormat4() {
        return hsm.execute(translate0to4);
    }

    /** ISO 9797-1 algorithm 3, padding 2, over a 200-byte message. */
    @Benchmark
    public HsmResult<GeneratedMac> macGenerateRetail200Bytes() {
        return hsm.execute(retailMac);
    }

    /** AES-CMAC over a 200-byte message. */
    @Benchmark
    public HsmResult<GeneratedMac> macGenerateAesCmac200Bytes() {
        return hsm.execute(aesCmac);
    }

    /** Retail MAC verification over a 200-byte message. */
    @Benchmark
    public HsmResult<Verification> macVerifyRetail200Bytes() {
        return hsm.execute(verifyRetailMac);
    }
}
