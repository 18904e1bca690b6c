package io.caspian.clearing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Files appear whole or not at all: written to a temporary name in the same directory,
 * forced to disk, then renamed atomically. Each file gets a {@code .sha256} companion in
 * the {@code sha256sum} format.
 */
final class FileWriting {
    private FileWriting() {
    }

    /** A file written under a temporary name, not yet visible under its own. */
    static final class Staged {
        private final Path target;
        private final Path temporary;
        private final Path digestTarget;
        private final Path digestTemporary;

        private Staged(Path target, Path temporary, Path digestTarget, Path digestTemporary) {
            this.target = target;
            this.temporary = temporary;
            this.digestTarget = digestTarget;
            this.digestTemporary = digestTemporary;
        }

        /** Renames the digest and then the file into place. */
        void commit() {
            move(digestTemporary, digestTarget);
            move(temporary, target);
        }

        void discard() {
            try {
                Files.deleteIfExists(temporary);
                Files.deleteIfExists(digestTemporary);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    static Staged stage(Path target, byte[] bytes, String digest) {
        Path digestTarget = digestPath(target);
        Path temporary = temporary(target);
        Path digestTemporary = temporary(digestTarget);
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            write(temporary, bytes);
            write(digestTemporary, (digest + "  " + target.getFileName() + "\n")
                    .getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new ClearingException("cannot write " + target + ": " + e.getMessage(), e);
        }
        return new Staged(target, temporary, digestTarget, digestTemporary);
    }

    /** Writes the file (atomically) unless it is already there with these bytes. */
    static void ensure(Path target, byte[] bytes, String digest) {
        try {
            if (Files.isRegularFile(target) && Files.isRegularFile(digestPath(target))
                    && sha256(Files.readAllBytes(target)).equals(digest)) {
                return;
            }
        } catch (IOException e) {
            throw new ClearingException("cannot read " + target + ": " + e.getMessage(), e);
        }
        stage(target, bytes, digest).commit();
    }

    /** Writes a report file atomically (no digest). */
    static void writeAtomically(Path target, byte[] bytes) {
        Path temporary = temporary(target);
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            write(temporary, bytes);
        } catch (IOException e) {
            throw new ClearingException("cannot write " + target + ": " + e.getMessage(), e);
        }
        move(temporary, target);
    }

    static Path digestPath(Path target) {
        return target.resolveSibling(target.getFileName() + ".sha256");
    }

    /** A name of its own per writer, so two runs racing never touch each other's file. */
    private static Path temporary(Path target) {
        return target.resolveSibling("." + target.getFileName() + "."
                + java.util.UUID.randomUUID() + ".tmp");
    }

    private static void write(Path path, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            var buffer = java.nio.ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    private static void move(Path from, Path to) {
        try {
            try {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new ClearingException("cannot move " + from + " to " + to + ": "
                    + e.getMessage(), e);
        }
    }
}
