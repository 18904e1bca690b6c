package io.caspian.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write-ahead journal's files: append-only segments of records, one record per
 * submission, in the order the committer accepted them.
 *
 * <pre>
 * journal/
 *   00000000000000000001.wal   closed: every record in it is loaded once the loader
 *   00000000000000052210.wal   passes its last number; deleted after a CHECKPOINT
 *   00000000000000104388.wal   open: appended to (the name is its first record's number)
 *
 * record: length int32 | crc32c int32 (of number and payload) | number int64 | payload
 * payload: {@link JournalCodec} (a format version byte, then the writes)
 * </pre>
 *
 * <p>A crash can leave the end of the last segment torn; reading stops at the first bad
 * record there (its submission was never acknowledged: acknowledging waits for the whole
 * write). A bad record in any earlier segment is damage the switch refuses to start over.
 *
 * <p>Threads: the committer thread appends and rolls segments; the loader thread deletes
 * closed ones. The closed list is guarded by this object's lock.
 */
final class WriteJournal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WriteJournal.class);

    /** A segment is closed and a new one opened past this size. */
    static final long SEGMENT_BYTES_MAX = 32L << 20;

    /** Largest payload accepted when reading: far above any submission. */
    static final int RECORD_BYTES_MAX = 16 << 20;

    private static final int HEADER_BYTES = 16;
    private static final String SUFFIX = ".wal";

    /** One record read back. */
    record Entry(long number, List<StoreWrite> writes) {
    }

    private record Closed(Path path, long lastNumber) {
    }

    private final Path dir;
    private final boolean fsync;
    private final List<Closed> closed = new ArrayList<>();
    private FileChannel open;
    private Path openPath;
    private long openBytes;
    private long lastAppended;

    private WriteJournal(Path dir, boolean fsync) {
        this.dir = dir;
        this.fsync = fsync;
    }

    /** The journal in {@code dir} (created if missing), not yet open for appends. */
    static WriteJournal in(Path dir, boolean fsync) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException(StoreFailure.DATABASE_UNAVAILABLE,
                    "cannot create the journal directory " + dir + ": " + e.getMessage(), e);
        }
        return new WriteJournal(dir, fsync);
    }

    /**
     * Every record in every segment, oldest first: what the tables may not hold yet.
     *
     * @throws StoreException when a segment is damaged other than at the very end
     */
    List<Entry> readAll() {
        List<Path> segments = segments();
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            read(segments.get(i), i == segments.size() - 1, entries);
        }
        return entries;
    }

    /** Deletes every segment: call only after their records are checkpointed. */
    void deleteAll() {
        for (Path p : segments()) {
            delete(p);
        }
    }

    /** Opens a new segment whose first record will be {@code nextNumber}. */
    void start(long nextNumber) {
        roll(nextNumber);
    }

    /**
     * Appends one record per payload, numbered from {@code firstNumber}, in one write, and
     * returns once the operating system has them (or the device, with fsync). Committer
     * thread.
     */
    void append(List<byte[]> payloads, long firstNumber) throws IOException {
        int size = 0;
        for (byte[] p : payloads) {
            size += HEADER_BYTES + p.length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(size);
        long number = firstNumber;
        CRC32C crc = new CRC32C();
        for (byte[] p : payloads) {
            int start = buffer.position();
            buffer.putInt(p.length).putInt(0).putLong(number).put(p);
            crc.reset();
            crc.update(buffer.array(), start + 8, 8 + p.length);
            buffer.putInt(start + 4, (int) crc.getValue());
            number++;
        }
        buffer.flip();
        while (buffer.hasRemaining()) {
            open.write(buffer);
        }
        if (fsync) {
            open.force(false);
        }
        openBytes += size;
        lastAppended = number - 1;
        if (openBytes >= SEGMENT_BYTES_MAX) {
            roll(number);
        }
    }

    /** True when some closed segment holds only records up to {@code loaded}. */
    synchronized boolean hasReleasable(long loaded) {
        return !closed.isEmpty() && closed.get(0).lastNumber() <= loaded;
    }

    /**
     * Deletes the closed segments whose records are all at or below {@code loaded}. Call
     * after a CHECKPOINT that followed their loading. Loader thread.
     */
    synchronized int release(long loaded) {
        int deleted = 0;
        while (!closed.isEmpty() && closed.get(0).lastNumber() <= loaded) {
            delete(closed.remove(0).path());
            deleted++;
        }
        return deleted;
    }

    synchronized int closedSegments() {
        return closed.size();
    }

    @Override
    public void close() {
        if (open == null) {
            return;
        }
        try {
            open.close();
        } catch (IOException e) {
            LOG.warn("closing journal segment {} failed: {}", openPath, e.getMessage());
        }
        open = null;
    }

    private void roll(long nextNumber) {
        Path next = dir.resolve(String.format("%020d", nextNumber) + SUFFIX);
        try {
            FileChannel channel = FileChannel.open(next, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            if (open != null) {
                open.close();
                synchronized (this) {
                    closed.add(new Closed(openPath, lastAppended));
                }
            }
            open = channel;
            openPath = next;
            openBytes = 0;
        } catch (IOException e) {
            throw new StoreException(StoreFailure.DATABASE_UNAVAILABLE,
                    "cannot open journal segment " + next + ": " + e.getMessage(), e);
        }
    }

    private List<Path> segments() {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            ds.forEach(found::add);
        } catch (IOException e) {
            throw new StoreException(StoreFailure.DATABASE_UNAVAILABLE,
                    "cannot list the journal " + dir + ": " + e.getMessage(), e);
        }
        found.sort(null);
        return found;
    }

    private static void read(Path segment, boolean last, List<Entry> into) {
        ByteBuffer all;
        try {
            all = ByteBuffer.wrap(Files.readAllBytes(segment));
        } catch (IOException e) {
            throw new StoreException(StoreFailure.DATABASE_UNAVAILABLE,
                    "cannot read journal segment " + segment + ": " + e.getMessage(), e);
        }
        CRC32C crc = new CRC32C();
        while (all.hasRemaining()) {
            int offset = all.position();
            String damage = null;
            Entry entry = null;
            if (all.remaining() < HEADER_BYTES) {
                damage = "record header cut short";
            } else {
                int length = all.getInt();
                int sum = all.getInt();
                long number = all.getLong();
                if (length < 0 || length > RECORD_BYTES_MAX || length > all.remaining()) {
                    damage = "record of " + length + " bytes cut short";
                } else {
                    byte[] payload = new byte[length];
                    all.get(payload);
                    crc.reset();
                    crc.update(all.array(), offset + 8, 8 + length);
                    if ((int) crc.getValue() != sum) {
                        damage = "checksum mismatch in record " + number;
                    } else {
                        entry = decode(segment, offset, number, payload);
                    }
                }
            }
            if (damage != null) {
                if (last) {
                    LOG.warn("journal {}: {} at offset {}: the end of a write torn by a "
                            + "crash, never acknowledged; {} bytes from there are ignored",
                            segment.getFileName(), damage, offset, all.limit() - offset);
                    return;
                }
                throw new StoreException(StoreFailure.DATABASE_UNAVAILABLE, "journal "
                        + segment + " is damaged: " + damage + " at offset " + offset
                        + "; the switch will not start over a damaged journal");
            }
            into.add(entry);
        }
    }

    private static Entry decode(Path segment, int offset, long number, byte[] payload) {
        try {
            return new Entry(number, JournalCodec.decode(payload));
        } catch (JournalCodec.JournalFormatException e) {
            throw new StoreException(StoreFailure.DATABASE_UNAVAILABLE, "journal " + segment
                    + " record " + number + " at offset " + offset + " cannot be read: "
                    + e.getMessage(), e);
        }
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("could not delete journal segment {}: {}", p, e.getMessage());
        }
    }
}
