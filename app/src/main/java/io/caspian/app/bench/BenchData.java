package io.caspian.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The bench's working directory: recreated on each run, never one the bench did not make. */
final class BenchData {
    static final String MARKER = ".caspian-bench";

    private BenchData() {
    }

    /** Deletes and recreates {@code data}; refuses a directory without the bench's marker. */
    static void prepare(Path data) throws IOException {
        if (Files.exists(data)) {
            if (!Files.exists(data.resolve(MARKER))) {
                throw new IOException(data + " exists and is not a bench directory; choose "
                        + "another with --data");
            }
            try (Stream<Path> all = Files.walk(data)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(data);
        Files.writeString(data.resolve(MARKER), "created by caspian bench\n");
    }
}
