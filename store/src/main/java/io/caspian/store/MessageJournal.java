package io.caspian.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes message records on its own thread, in JDBC batches, beside the group committer and
 * never in its way. A message record is diagnostic (the console's trace), not the system of
 * record for money: it must neither delay an outcome's commit nor fail one. So the caller
 * only enqueues a supplier (the masked dump is built here, not on the engine or I/O thread),
 * a full queue drops the record and counts it, and a failed batch is counted and dropped.
 */
final class MessageJournal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MessageJournal.class);
    private static final String INSERT = "INSERT INTO message_record (id, recorded_at, link,"
            + " direction, mti, stan, rrn, response_code, masked_dump)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** Records waiting for the writer; beyond it new records are dropped. */
    static final int QUEUE_MAX = 20_000;
    /** Most records in one insert batch. */
    private static final int BATCH_MAX = 500;
    private static final long IDLE_POLL_MS = 100;

    private final HikariDataSource dataSource;
    private final BlockingQueue<Supplier<MessageRecord>> queue =
            new ArrayBlockingQueue<>(QUEUE_MAX);
    private final LongAdder written = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final Thread writer;
    private volatile boolean running = true;

    MessageJournal(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.writer = new Thread(this::run, "caspian-message-journal");
        writer.setDaemon(true);
    }

    void start() {
        writer.start();
    }

    /** Queues a record; false (and counted as dropped) when the queue is full. */
    boolean offer(Supplier<MessageRecord> record) {
        if (!running || !queue.offer(record)) {
            dropped.increment();
            return false;
        }
        return true;
    }

    long written() {
        return written.sum();
    }

    long dropped() {
        return dropped.sum();
    }

    int queueDepth() {
        return queue.size();
    }

    private void run() {
        List<Supplier<MessageRecord>> batch = new ArrayList<>(BATCH_MAX);
        while (running || !queue.isEmpty()) {
            try {
                Supplier<MessageRecord> first = queue.poll(IDLE_POLL_MS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH_MAX - 1);
                write(batch);
            } catch (InterruptedException e) {
                running = false;
            } catch (Throwable e) {
                // Top of the thread loop: count, log, keep going.
                dropped.add(batch.size());
                LOG.warn("message records not written ({}): {}", batch.size(),
                        Jdbc.describe(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Supplier<MessageRecord>> batch) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(INSERT)) {
            c.setAutoCommit(false);
            for (Supplier<MessageRecord> supplier : batch) {
                MessageRecord m = supplier.get();
                s.setObject(1, m.id());
                Jdbc.setInstant(s, 2, m.at());
                s.setString(3, m.link());
                s.setString(4, m.direction().name());
                s.setString(5, m.mti());
                s.setString(6, m.stan());
                s.setString(7, m.rrn());
                s.setString(8, m.responseCode());
                s.setString(9, m.maskedDump());
                s.addBatch();
            }
            s.executeBatch();
            c.commit();
            written.add(batch.size());
        }
    }

    /** Writes what is queued, then stops. */
    @Override
    public void close() {
        running = false;
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
