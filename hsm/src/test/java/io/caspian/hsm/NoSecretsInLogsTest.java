package io.caspian.hsm;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.caspian.hsm.crypto.DesParity;
import io.caspian.hsm.crypto.Hex;
import io.caspian.hsm.crypto.Secrets;
import io.caspian.hsm.keys.KeyStore;
import io.caspian.hsm.keys.Lmk;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Runs every command, successful and refused, with all logging at TRACE, and proves that no
 * PIN, PIN block, clear key or PAN reaches a log line, a refusal's detail or a toString.
 */
class NoSecretsInLogsTest {
    private static final String PIN = "975318";
    private static final String PAN_DIGITS = "6221061234567891";
    private static final String CLEAR_ZPK = "0123456789ABCDEFFEDCBA9876543210";
    private static final String CLEAR_ZAK = "1C1C1C1C1C1C1C1C2A2A2A2A2A2A2A2A";
    private static final String COMPONENT_1 = "0F1E2D3C4B5A69788796A5B4C3D2E1F0";
    private static final String COMPONENT_2 = "7C6B5A4938271605F4E3D2C1B0A99887";

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Logger root;
    private Level previous;

    @BeforeEach
    void capture() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        previous = root.getLevel();
        root.setLevel(Level.TRACE);
        appender.start();
        root.addAppender(appender);
    }

    @AfterEach
    void release() {
        root.detachAppender(appender);
        root.setLevel(previous);
    }

    @Test
    void noSecretReachesALog(@TempDir Path directory) throws Exception {
        Lmk lmk = Lmk.generate(new SecureRandom()).toLmk();
        MutableClock clock = new MutableClock();
        KeyStore store = KeyStore.create(directory, lmk, clock, Duration.ofMinutes(5),
                new SecureRandom());
        store.add(template("zpk.a", KeyUsage.P0, clock), Hex.decode(CLEAR_ZPK));
        store.add(template("zak.a", KeyUsage.M3, clock), Hex.decode(CLEAR_ZAK));
        SoftwareHsm hsm = SoftwareHsm.open(directory, lmk, clock, Duration.ofMinutes(5),
                new SecureRandom());
        Pan pan = Pan.of(PAN_DIGITS);
        List<String> printed = new ArrayList<>();

        hsm.execute(new HsmCommand.GenerateKey("zpk.b", KeyUsage.P0, KeyAlgorithm.AES_128));
        hsm.execute(new HsmCommand.GenerateKey("zmk.b", KeyUsage.K0, KeyAlgorithm.TDES_2KEY));
        PinUnderLmk reference = hsm.execute(new HsmCommand.EnrolPin(PIN.toCharArray(), pan))
                .orElseThrow();
        List<String> blocks = new ArrayList<>();
        for (PinBlockFormat format : PinBlockFormat.values()) {
            String zpk = format == PinBlockFormat.ISO_4 ? "zpk.b" : "zpk.a";
            EncryptedPinBlock block = hsm.execute(new HsmCommand.PinFromLmk(reference, pan,
                    KeyRef.current(zpk), format)).orElseThrow();
            blocks.add(block.toHex());
            printed.add(block.toString());
            for (PinBlockFormat to : PinBlockFormat.values()) {
                String toKey = to == PinBlockFormat.ISO_4 ? "zpk.b" : "zpk.a";
                HsmCommand.TranslatePin command = new HsmCommand.TranslatePin(
                        KeyRef.current(zpk), format, KeyRef.current(toKey), to, pan, block);
                printed.add(command.toString());
                HsmResult<TranslatedPin> result = hsm.execute(command);
                printed.add(result.toString());
                result.map(t -> blocks.add(t.pinBlock().toHex()));
            }
            printed.add(hsm.execute(new HsmCommand.VerifyPin(KeyRef.current("zak.a"), format,
                    pan, block, reference)).toString());
        }
        HsmCommand.EnrolPin badPin = new HsmCommand.EnrolPin("12".toCharArray(), pan);
        printed.add(badPin.toString());
        printed.add(hsm.execute(badPin).toString());
        byte[] data = ("0200" + PAN_DIGITS).getBytes(StandardCharsets.US_ASCII);
        HsmCommand.GenerateMac mac = new HsmCommand.GenerateMac(KeyRef.current("zak.a"),
                MacAlgorithm.ISO9797_ALG3_PAD2, data, 8);
        printed.add(mac.toString());
        printed.add(hsm.execute(new HsmCommand.GenerateMac(KeyRef.current("zpk.a"),
                MacAlgorithm.ISO9797_ALG3_PAD2, data, 8)).toString());
        hsm.execute(mac);
        printed.add(hsm.execute(new HsmCommand.ExportKeyEcb(KeyRef.current("zpk.a"),
                KeyRef.current("zmk.b"))).toString());
        printed.add(hsm.execute(new HsmCommand.ListKeys()).toString());
        List<String> handled = ceremonyAndData(hsm, printed);
        printed.add(hsm.toString());
        printed.add(lmk.toString());
        printed.add(pan.toString());
        printed.add(reference.toString());

        List<String> logged = appender.list.stream().map(ILoggingEvent::getFormattedMessage)
                .toList();
        assertThat(logged).isNotEmpty();
        List<String> secrets = new ArrayList<>(List.of(PIN, PAN_DIGITS, CLEAR_ZPK, CLEAR_ZAK,
                CLEAR_ZPK.substring(0, 16), CLEAR_ZAK.substring(16)));
        secrets.addAll(blocks);
        secrets.addAll(handled);
        for (String line : concat(logged, printed)) {
            for (String secret : secrets) {
                assertThat(line.toUpperCase(java.util.Locale.ROOT)).as("log or toString line")
                        .doesNotContain(secret);
            }
        }
    }

    /** Key ceremonies and data-at-rest commands; returns the secrets they handled. */
    private static List<String> ceremonyAndData(SoftwareHsm hsm, List<String> printed) {
        byte[] formed = Secrets.xor(Hex.decode(COMPONENT_1), Hex.decode(COMPONENT_2));
        List<String> secrets = new ArrayList<>(List.of(COMPONENT_1, COMPONENT_2,
                Hex.encode(formed)));
        DesParity.adjustToOdd(formed);
        secrets.add(Hex.encode(formed));
        HsmCommand.FormKey form = new HsmCommand.FormKey("zmk.formed", KeyUsage.K0,
                KeyAlgorithm.TDES_2KEY, List.of(Components.of(KeyAlgorithm.TDES_2KEY,
                COMPONENT_1), Components.of(KeyAlgorithm.TDES_2KEY, COMPONENT_2)), null);
        printed.add(form.toString());
        printed.add(hsm.execute(form).toString());
        HsmCommand.FormKey wrongKcv = new HsmCommand.FormKey("zmk.bad", KeyUsage.K0,
                KeyAlgorithm.TDES_2KEY, List.of(new KeyComponent(Hex.decode(COMPONENT_1),
                "000000"), Components.of(KeyAlgorithm.TDES_2KEY, COMPONENT_2)), "000000");
        printed.add(wrongKcv.toString());
        printed.add(hsm.execute(wrongKcv).toString());
        HsmResult<KeyComponents> split = hsm.execute(new HsmCommand.SplitKey(
                KeyRef.current("zmk.formed"), 3));
        printed.add(split.toString());
        split.orElseThrow().components().forEach(c -> secrets.add(Hex.encode(c.value())));

        byte[] clear = PAN_DIGITS.getBytes(StandardCharsets.US_ASCII);
        secrets.add(Hex.encode(clear));
        byte[] aad = "txn.pan".getBytes(StandardCharsets.US_ASCII);
        printed.add(hsm.execute(new HsmCommand.EnsureKey("data.pan", KeyType.DATA,
                KeyAlgorithm.AES_256)).toString());
        printed.add(hsm.execute(new HsmCommand.EnsureKey("lookup", KeyType.HASH,
                KeyAlgorithm.AES_256)).toString());
        HsmCommand.EncryptData encrypt = new HsmCommand.EncryptData("data.pan", clear, aad);
        printed.add(encrypt.toString());
        EncryptedData encrypted = hsm.execute(encrypt).orElseThrow();
        printed.add(encrypted.toString());
        HsmCommand.DecryptData decrypt = new HsmCommand.DecryptData(encrypted, aad);
        printed.add(decrypt.toString());
        printed.add(hsm.execute(decrypt).toString());
        byte[] altered = encrypted.ciphertext();
        altered[0] ^= 1;
        printed.add(hsm.execute(new HsmCommand.DecryptData(encrypted.key(), altered, aad))
                .toString());
        printed.add(hsm.execute(new HsmCommand.EncryptData("zpk.a", clear, aad)).toString());
        HsmCommand.HashData hash = new HsmCommand.HashData(KeyRef.current("lookup"), clear);
        printed.add(hash.toString());
        printed.add(hsm.execute(hash).toString());
        printed.add(hsm.execute(new HsmCommand.HashData(KeyRef.current("data.pan"), clear))
                .toString());
        return secrets;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static KeyInfo template(String id, KeyUsage usage, MutableClock clock) {
        return new KeyInfo(id, 1, usage, KeyAlgorithm.TDES_2KEY,
                ModeOfUse.defaultFor(usage), Exportability.E, "-", KeyStatus.ACTIVE,
                clock.instant(), null);
    }
}
