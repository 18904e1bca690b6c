package io.caspian.app.iso;

import io.caspian.app.CliException;
import io.caspian.iso8583.dialect.Dialect;
import io.caspian.iso8583.dialect.DialectException;
import io.caspian.iso8583.dialect.Dialects;
import io.caspian.iso8583.framing.FrameSpec;
import io.caspian.iso8583.framing.LengthHeader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Options and input handling shared by decode and encode. */
final class MessageInput {
    private MessageInput() {
    }

    static Dialect dialect(String nameOrPath) {
        try {
            return Dialects.resolve(nameOrPath);
        } catch (DialectException e) {
            throw new CliException(e.getMessage());
        }
    }

    static FrameSpec framing(String code, boolean tpdu) {
        LengthHeader h = LengthHeader.fromCode(code);
        if (h == null) {
            throw new CliException("--framing '" + code + "' is not none, binary2 or ascii4");
        }
        FrameSpec plain = FrameSpec.of(h);
        return new FrameSpec(h, tpdu, plain.frameLengthMax());
    }

    /** The bytes of FILE, or of stdin when FILE is absent or "-". */
    static byte[] read(Path file, InputStream stdin) {
        try {
            if (file == null || file.toString().equals("-")) {
                return stdin.readAllBytes();
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CliException(file + ": no such file");
        } catch (IOException e) {
            throw new CliException((file == null ? "stdin" : file.toString()) + ": "
                    + e.getMessage());
        }
    }

    /** Parses hex text, ignoring whitespace; one-line error on anything else. */
    static byte[] unhex(byte[] text) {
        StringBuilder sb = new StringBuilder(text.length);
        for (byte b : text) {
            if (!Character.isWhitespace(b)) {
                sb.append((char) (b & 0xFF));
            }
        }
        if (sb.length() % 2 != 0) {
            throw new CliException("--hex input has an odd number of hex digits ("
                    + sb.length() + ")");
        }
        byte[] out = new byte[sb.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(sb.charAt(2 * i), 16);
            int lo = Character.digit(sb.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new CliException("--hex input has a non-hex character at position "
                        + (hi < 0 ? 2 * i : 2 * i + 1));
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }

    static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            sb.append(Character.toUpperCase(Character.forDigit((b >>> 4) & 0x0F, 16)))
                    .append(Character.toUpperCase(Character.forDigit(b & 0x0F, 16)));
        }
        return sb.toString();
    }
}
