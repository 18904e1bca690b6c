package io.caspian.app.iso;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caspian.app.CliException;
import io.caspian.iso8583.DecodeResult;
import io.caspian.iso8583.IsoCodec;
import io.caspian.iso8583.framing.FrameResult;
import io.caspian.iso8583.framing.FrameSpec;
import io.caspian.iso8583.framing.Framing;
import io.caspian.iso8583.framing.LengthHeader;
import io.caspian.iso8583.json.MessageJson;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code caspian iso decode}: wire bytes in, JSON out, sensitive fields masked. */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = "Decode ISO 8583 bytes (FILE or stdin) and print them as JSON.")
public final class DecodeCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--dialect", required = true, paramLabel = "D",
            description = "Dialect name (see 'caspian iso dialects') or path to a dialect file.")
    String dialect;

    @Option(names = "--framing", defaultValue = "none", paramLabel = "F",
            description = "Length header before each message: none, binary2 or ascii4 "
                    + "(default: ${DEFAULT-VALUE}).")
    String framing;

    @Option(names = "--tpdu", description = "Each message is preceded by a 5-byte TPDU.")
    boolean tpdu;

    @Option(names = "--hex", description = "The input is hex text rather than raw bytes.")
    boolean hex;

    @Option(names = "--unmask",
            description = "Show PAN, track, PIN block and key fields in clear (test data only).")
    boolean unmask;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "Input file; stdin when absent or '-'.")
    Path file;

    @Override
    public void run() {
        IsoCodec codec = new IsoCodec(MessageInput.dialect(dialect));
        FrameSpec frameSpec = MessageInput.framing(framing, tpdu);
        byte[] input = MessageInput.read(file, System.in);
        byte[] bytes = hex ? MessageInput.unhex(input) : input;
        if (bytes.length == 0) {
            throw new CliException("the input is empty");
        }
        List<ObjectNode> messages = new ArrayList<>();
        Framing frames = new Framing(frameSpec);
        int at = 0;
        while (at < bytes.length) {
            FrameResult r = frames.read(bytes, at, bytes.length - at);
            if (r instanceof FrameResult.Broken) {
                throw new CliException("frame at byte " + at + ": "
                        + ((FrameResult.Broken) r).failure().describe());
            }
            if (r instanceof FrameResult.NeedMore) {
                throw new CliException("frame at byte " + at + " is cut short ("
                        + (bytes.length - at) + " bytes left)");
            }
            FrameResult.Frame f = (FrameResult.Frame) r;
            DecodeResult d = codec.decode(bytes, f.messageOffset(), f.messageLength());
            if (d instanceof DecodeResult.Failure) {
                String where = frameSpec.header() == LengthHeader.NONE && !tpdu ? ""
                        : "message in frame at byte " + at + ": ";
                throw new CliException("cannot decode as " + codec.dialect().name() + ": "
                        + where + ((DecodeResult.Failure) d).failure().describe());
            }
            ObjectNode json = MessageJson.toJson(((DecodeResult.Success) d).message(), unmask);
            if (f.tpduOffset() >= 0) {
                byte[] t = new byte[FrameSpec.TPDU_BYTES];
                System.arraycopy(bytes, f.tpduOffset(), t, 0, t.length);
                json.put("tpdu", MessageInput.hex(t));
            }
            messages.add(json);
            at += f.frameLength();
        }
        print(messages);
    }

    private void print(List<ObjectNode> messages) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        PrintWriter out = spec.commandLine().getOut();
        try {
            if (messages.size() == 1) {
                out.println(mapper.writeValueAsString(messages.get(0)));
            } else {
                ArrayNode all = mapper.createArrayNode();
                messages.forEach(all::add);
                out.println(mapper.writeValueAsString(all));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }
}
