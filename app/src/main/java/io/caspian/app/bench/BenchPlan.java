package io.caspian.app.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * What one {@code caspian bench} run does, validated by {@link BenchCommand}.
 *
 * @param modes closed and/or open loop, in that order
 * @param directions each measured on its own, one after the other
 * @param inFlight requests outstanding in closed loop
 * @param ratePerSecond arrivals per second in open loop
 * @param requests measured requests per run; 0 when {@code measureMs} bounds the run
 * @param measureMs length of each measured run when {@code requests} is 0
 * @param warmupMs unmeasured traffic before each run, for the JIT and the caches
 * @param floor also measure each issuer simulator straight, without the switch
 * @param data working directory, recreated
 * @param store {@code embedded} or a JDBC URL
 * @param storeUser database user for a JDBC URL
 * @param mix the requests sent
 * @param pinFraction share of POS purchases with a PIN in the purchase mix
 * @param ioThreads Netty I/O threads shared by every link in the process
 * @param batchMax group commit batch size override; 0 keeps the configuration's
 * @param windowMicros group commit window override; -1 keeps the configuration's
 * @param seed seed of every random choice
 * @param recordMessages whether every message is journalled for the console's traces, as
 *     a switch with its console on does
 * @param journalFsync whether the embedded store forces each journal write to the device
 */
record BenchPlan(List<Mode> modes, List<Direction> directions, int inFlight,
        int ratePerSecond, long requests, long measureMs, long warmupMs, boolean floor,
        Path data, String store, String storeUser, Mix mix, double pinFraction,
        int ioThreads, int batchMax, long windowMicros, long seed, boolean recordMessages,
        boolean journalFsync) {

    /** The request mix: purchases only (the headline figure), or the demo's retail day. */
    enum Mix {
        PURCHASE,
        RETAIL
    }
}
