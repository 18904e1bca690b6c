package io.caspian.hsm.keys;

import io.caspian.hsm.Exportability;
import io.caspian.hsm.KeyAlgorithm;
import io.caspian.hsm.KeyInfo;
import io.caspian.hsm.KeyStatus;
import io.caspian.hsm.KeyUsage;
import io.caspian.hsm.ModeOfUse;
import io.caspian.hsm.crypto.BlockAlgorithm;
import io.caspian.hsm.crypto.Cmac;
import io.caspian.hsm.crypto.Hex;
import io.caspian.hsm.crypto.Secrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the key store file: UTF-8 text, one record per line.
 *
 * <pre>
 * caspian-keystore 1
 * lmk-kcv 9A1B2C
 * key id=ZPK.MIR version=1 usage=P0 algorithm=TDES_2KEY mode=B export=E kcv=08D7B4
 *     status=ACTIVE created=2025-01-01T00:00:00Z until=- sealed=&lt;hex&gt;      (one line)
 * mac &lt;32 hex: AES-CMAC under the LMK's file-MAC key of every byte before this line&gt;
 * </pre>
 *
 * The {@code lmk-kcv} line detects a wrong LMK before any key is touched; the {@code mac}
 * line detects any edit of the file, including of status and grace-period fields, which the
 * per-key seal does not cover. Writes go to a temporary file that is then moved over the old
 * one, so a crash leaves either the old or the new store.
 */
final class KeyStoreFile {
    static final String MAGIC = "caspian-keystore 1";

    private KeyStoreFile() {
    }

    static void write(Path file, Lmk lmk, List<StoredKey> keys) throws IOException {
        StringBuilder text = new StringBuilder();
        text.append(MAGIC).append('\n');
        text.append("lmk-kcv ").append(lmk.checkValue()).append('\n');
        for (StoredKey key : keys) {
            text.append(line(key)).append('\n');
        }
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
        String mac = Hex.encode(Cmac.compute(BlockAlgorithm.AES, lmk.fileMacKey(), body));
        text.append("mac ").append(mac).append('\n');
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    static List<StoredKey> read(Path file, Lmk lmk) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int macLine = text.lastIndexOf("mac ");
        if (!text.startsWith(MAGIC + "\n") || macLine < 0) {
            throw new IOException(file + " is not a Caspian key store");
        }
        List<String> lines = text.substring(0, macLine).lines().toList();
        String lmkLine = lines.size() > 1 ? lines.get(1) : "";
        if (!lmkLine.equals("lmk-kcv " + lmk.checkValue())) {
            throw new IOException("the LMK (check value " + lmk.checkValue()
                    + ") is not the LMK of " + file + " (" + lmkLine + ")");
        }
        byte[] body = text.substring(0, macLine).getBytes(StandardCharsets.UTF_8);
        byte[] expected = Cmac.compute(BlockAlgorithm.AES, lmk.fileMacKey(), body);
        byte[] actual = parseHex(text.substring(macLine + 4).strip(), file);
        if (!Secrets.equal(expected, actual)) {
            throw new IOException(file + " has been altered: its MAC does not verify");
        }
        List<StoredKey> keys = new ArrayList<>();
        for (int i = 2; i < lines.size(); i++) {
            keys.add(parse(lines.get(i), file, i + 1));
        }
        return keys;
    }

    private static String line(StoredKey key) {
        KeyInfo info = key.info();
        return "key id=" + info.id() + " version=" + info.version()
                + " usage=" + info.usage() + " algorithm=" + info.algorithm()
                + " mode=" + info.modeOfUse() + " export=" + info.exportability()
                + " kcv=" + info.checkValue() + " status=" + info.status()
                + " created=" + info.createdAt()
                + " until=" + (info.usableUntil() == null ? "-" : info.usableUntil())
                + " sealed=" + Hex.encode(key.sealed());
    }

    private static StoredKey parse(String line, Path file, int lineNumber) throws IOException {
        Map<String, String> fields = new HashMap<>();
        String[] tokens = line.split(" ");
        if (!tokens[0].equals("key")) {
            throw new IOException(file + ":" + lineNumber + ": expected a key record");
        }
        for (int i = 1; i < tokens.length; i++) {
            int equals = tokens[i].indexOf('=');
            if (equals > 0) {
                fields.put(tokens[i].substring(0, equals), tokens[i].substring(equals + 1));
            }
        }
        try {
            String until = fields.get("until");
            KeyInfo info = new KeyInfo(fields.get("id"),
                    Integer.parseInt(fields.get("version")),
                    KeyUsage.valueOf(fields.get("usage")),
                    KeyAlgorithm.valueOf(fields.get("algorithm")),
                    ModeOfUse.valueOf(fields.get("mode")),
                    Exportability.valueOf(fields.get("export")),
                    fields.get("kcv"),
                    KeyStatus.valueOf(fields.get("status")),
                    Instant.parse(fields.get("created")),
                    until == null || until.equals("-") ? null : Instant.parse(until));
            return new StoredKey(info, Hex.decode(fields.get("sealed")));
        } catch (RuntimeException e) {
            throw new IOException(file + ":" + lineNumber + ": malformed key record ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static byte[] parseHex(String hex, Path file) throws IOException {
        try {
            return Hex.decode(hex);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " has a malformed mac line");
        }
    }
}
