package io.caspian.store;

import io.caspian.hsm.Pan;
import io.caspian.store.pan.PanProtector;
import io.caspian.store.pan.TestPanKeys;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Test transactions: a Shetab card at a Russian POS, on the mir link. */
final class Transactions {
    static final Instant T0 = Instant.parse("2025-03-14T09:26:53.123456Z");
    static final LocalDate BUSINESS_DATE = LocalDate.of(2025, 3, 14);
    static final String PAN = "6037991234567890";

    private final PanProtector protector = TestPanKeys.protector();
    private final AtomicInteger stan = new AtomicInteger(100);

    PanProtector protector() {
        return protector;
    }

    /** A new 0200 purchase in RECEIVED, for {@code amountMinor} kopecks. */
    TransactionRecord received(String pan, long amountMinor, Instant at) {
        String trace = String.format("%06d", stan.incrementAndGet());
        AcquirerReference acquirer = new AcquirerReference(trace, "507312" + trace,
                "TERM0001", "MERCHANT0000001", "5411", "22001", "0314092653");
        return new TransactionRecord(UUID.randomUUID(), at, "mir", "shetab", Channel.POS,
                "0200", "000000", protector.protect(Pan.of(pan)),
                new Amount(amountMinor, 643, 2), null, null, null, acquirer, null,
                BUSINESS_DATE, TransactionState.RECEIVED, null, null, null, false, null,
                Fees.NONE);
    }

    TransactionRecord received(long amountMinor) {
        return received(PAN, amountMinor, T0);
    }

    static StoreWrite.InsertTransaction insert(TransactionRecord t) {
        return new StoreWrite.InsertTransaction(t, "ACQUIRER_REQUEST");
    }

    static StoreWrite.Transition move(TransactionRecord t, TransactionState from,
            TransactionState to, TransitionFields fields) {
        return new StoreWrite.Transition(t.id(), from, to, "TEST_" + to, T0.plusSeconds(1),
                fields);
    }

    static TransitionFields routed() {
        return TransitionFields.routed(new Amount(1_234_000, 364, 0), null,
                new BigDecimal("481.25"));
    }
}
