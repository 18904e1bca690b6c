package io.caspian.app.iso;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.caspian.app.CliException;
import io.caspian.iso8583.EncodeResult;
import io.caspian.iso8583.IsoCodec;
import io.caspian.iso8583.framing.FrameSpec;
import io.caspian.iso8583.framing.Framing;
import io.caspian.iso8583.json.MessageJson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code caspian iso encode}: the JSON of {@code decode} back into wire bytes. */
@Command(name = "encode", mixinStandardHelpOptions = true,
        description = "Encode a message given as JSON (FILE or stdin) into ISO 8583 bytes.")
public final class EncodeCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--dialect", required = true, paramLabel = "D",
            description = "Dialect name (see 'caspian iso dialects') or path to a dialect file.")
    String dialect;

    @Option(names = "--framing", defaultValue = "none", paramLabel = "F",
            description = "Length header to write: none, binary2 or ascii4 "
                    + "(default: ${DEFAULT-VALUE}).")
    String framing;

    @Option(names = "--tpdu", paramLabel = "HEX",
            description = "Write this 5-byte TPDU (10 hex digits) before the message.")
    String tpdu;

    @Option(names = "--hex", description = "Print hex text instead of raw bytes.")
    boolean hex;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "JSON file; stdin when absent or '-'.")
    Path file;

    @Override
    public void run() {
        IsoCodec codec = new IsoCodec(MessageInput.dialect(dialect));
        byte[] tpduBytes = tpdu == null ? null : MessageInput.unhex(tpdu.getBytes(
                StandardCharsets.US_ASCII));
        if (tpduBytes != null && tpduBytes.length != FrameSpec.TPDU_BYTES) {
            throw new CliException("--tpdu must be 5 bytes (10 hex digits)");
        }
        FrameSpec frameSpec = MessageInput.framing(framing, tpduBytes != null);
        JsonNode json = parse(MessageInput.read(file, System.in));
        MessageJson.Result r = MessageJson.fromJson(json, codec);
        if (r instanceof MessageJson.Result.Failure) {
            throw new CliException("cannot encode as " + codec.dialect().name() + ": "
                    + ((MessageJson.Result.Failure) r).failure().describe());
        }
        EncodeResult e = codec.encode(((MessageJson.Result.Success) r).message());
        if (e instanceof EncodeResult.Failure) {
            throw new CliException(((EncodeResult.Failure) e).failure().describe());
        }
        byte[] message = ((EncodeResult.Success) e).bytes();
        byte[] framed;
        try {
            framed = new Framing(frameSpec).write(tpduBytes, message);
        } catch (IllegalArgumentException ex) {
            throw new CliException(ex.getMessage());
        }
        write(framed);
    }

    private static JsonNode parse(byte[] input) {
        try {
            return new ObjectMapper().readTree(input);
        } catch (JsonProcessingException ex) {
            throw new CliException("the input is not valid JSON: " + ex.getOriginalMessage()
                    + (ex.getLocation() == null ? ""
                    : " (line " + ex.getLocation().getLineNr() + ")"));
        } catch (IOException ex) {
            throw new CliException("cannot read the input: " + ex.getMessage());
        }
    }

    private void write(byte[] framed) {
        if (hex) {
            spec.commandLine().getOut().println(MessageInput.hex(framed));
            spec.commandLine().getOut().flush();
            return;
        }
        PrintStream out = System.out;
        out.write(framed, 0, framed.length);
        out.flush();
    }
}
