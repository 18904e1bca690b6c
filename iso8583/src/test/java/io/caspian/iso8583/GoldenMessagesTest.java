package io.caspian.iso8583;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.caspian.iso8583.dialect.Dialects;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden vectors: wire bytes assembled by hand from each dialect's field table
 * (src/test/resources/golden/README.md), decoded field by field and re-encoded byte for byte.
 */
class GoldenMessagesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> goldens() throws IOException, URISyntaxException {
        Path root = Path.of(GoldenMessagesTest.class.getResource("/golden").toURI());
        // Packed by jPOS 2.1.9's ISO87APackager and ISO87BPackager (golden/jpos/README.md).
        Stream<Arguments> jpos = Stream.of(
                Arguments.of("iso87-ascii", "0200-iso87a", root.resolve("jpos/0200-iso87a.hex")),
                Arguments.of("iso87-binary", "0200-iso87b", root.resolve("jpos/0200-iso87b.hex")));
        return Stream.concat(jpos, Dialects.BUILT_IN.stream().flatMap(d -> {
            try (Stream<Path> files = Files.list(root.resolve(d))) {
                return files.filter(p -> p.toString().endsWith(".hex")).sorted()
                        .map(p -> Arguments.of(d, p.getFileName().toString().replace(".hex", ""),
                                p))
                        .toList().stream();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("goldens")
    void decodesToTheFieldTableValuesAndReEncodesByteForByte(String dialect, String mti,
            Path hexFile) throws Exception {
        IsoCodec codec = new IsoCodec(Dialects.builtIn(dialect));
        byte[] wire = unhex(Files.readString(hexFile, StandardCharsets.US_ASCII).trim());
        JsonNode expected = JSON.readTree(hexFile.resolveSibling(mti + ".json").toFile());

        DecodeResult result = codec.decode(wire);
        assertThat(result).as(() -> result.toString()).isInstanceOf(DecodeResult.Success.class);
        IsoMessage m = ((DecodeResult.Success) result).message();

        assertThat(m.mti()).isEqualTo(expected.get("mti").asText());
        Map<Integer, String> want = new TreeMap<>();
        expected.get("fields").properties()
                .forEach(e -> want.put(Integer.parseInt(e.getKey()), e.getValue().asText()));
        Map<Integer, String> got = new TreeMap<>();
        for (int f : m.fieldNumbers()) {
            got.put(f, m.getString(f));
        }
        assertThat(got).isEqualTo(want);

        IsoMessage built = codec.newMessage().setMti(expected.get("mti").asText());
        want.forEach(built::set);
        byte[] encoded = ((EncodeResult.Success) codec.encode(built)).bytes();
        assertThat(hex(encoded)).isEqualTo(hex(wire));
        assertThat(hex(((EncodeResult.Success) codec.encode(m)).bytes())).isEqualTo(hex(wire));
    }

    static byte[] unhex(String s) {
        byte[] b = Wire.unhex(s);
        assertThat(b).as("hex text").isNotNull();
        return b;
    }

    static String hex(byte[] b) {
        return Wire.hex(b, 0, b.length);
    }
}
