package io.caspian.clearing;

import io.caspian.store.AcquirerReference;
import io.caspian.store.Amount;
import io.caspian.store.Channel;
import io.caspian.store.Fees;
import io.caspian.store.IssuerReference;
import io.caspian.store.StoreWrite;
import io.caspian.store.TransactionRecord;
import io.caspian.store.TransactionState;
import io.caspian.store.TransactionStore;
import io.caspian.store.TransitionFields;
import io.caspian.store.pan.PanHash;
import io.caspian.store.pan.ProtectedPan;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Writes transactions into a test store the way the switch records them: Mir terminals
 * acquire in RUB (exponent 2), Shetab terminals in whole IRR; amounts convert at fixed rates
 * (440 IRR per RUB, 0.00225 RUB per IRR), rounded half up.
 */
final class History {
    static final BigDecimal RUB_TO_IRR = new BigDecimal("440");
    static final BigDecimal IRR_TO_RUB = new BigDecimal("0.00225");

    private final TransactionStore store;
    private int stan;
    private long ids;

    History(TransactionStore store) {
        this.store = store;
    }

    /** An original request of {@code processingCode} answered in {@code state}. */
    TransactionRecord request(String acquirer, String processingCode, String mcc,
            long acquirerMinor, Instant at, LocalDate date, TransactionState state,
            boolean stoodIn) {
        return request("0200", acquirer, processingCode, mcc, acquirerMinor, at, date, state,
                stoodIn);
    }

    /** As the other, with its message type: {@code 0100} for an authorization. */
    TransactionRecord request(String mti, String acquirer, String processingCode, String mcc,
            long acquirerMinor, Instant at, LocalDate date, TransactionState state,
            boolean stoodIn) {
        String issuer = acquirer.equals("mir") ? "shetab" : "mir";
        TransactionRecord t = record(nextId(), acquirer, issuer, mti,
                processingCode, mcc, acquirerMinor, issuerMinor(acquirer, acquirerMinor), at,
                date, state, null, stoodIn, state == TransactionState.APPROVED
                        || stoodIn ? "A" + (stan % 100000) : null);
        insert(t);
        return t;
    }

    /** An acquirer reversal of {@code amountMinor} of {@code original}, recorded at once. */
    TransactionRecord reversal(TransactionRecord original, long amountMinor, Instant at,
            LocalDate date, TransactionState state) {
        long issuerMinor = amountMinor >= original.acquirerAmount().minor()
                ? original.issuerAmount().minor()
                : issuerMinor(original.acquirerScheme(), amountMinor);
        TransactionRecord r = record(nextId(), original.acquirerScheme(),
                original.issuerScheme(), "0420", original.processingCode(),
                original.acquirer().merchantCategoryCode(), amountMinor, issuerMinor, at, date,
                state, original.id(), false, null);
        insert(r);
        return r;
    }

    /**
     * A completion advice (0220) of the authorization {@code original} for the final amount
     * {@code finalMinor}, converted at the authorization's rate as the switch does; in
     * {@code ADVICE_PENDING} when accepted, {@code DECLINED} when not forwarded.
     */
    TransactionRecord completion(TransactionRecord original, long finalMinor, Instant at,
            LocalDate date, TransactionState state) {
        TransactionRecord c = record(nextId(), original.acquirerScheme(),
                original.issuerScheme(), "0220", original.processingCode(),
                original.acquirer().merchantCategoryCode(), finalMinor,
                issuerMinor(original.acquirerScheme(), finalMinor), at, date, state,
                original.id(), false, original.authCode());
        insert(c);
        return c;
    }

    /** Moves a transaction on (e.g. a late answer to a request in flight at cut-over). */
    void move(TransactionRecord t, TransactionState from, TransactionState to, Instant at) {
        store.submit(new StoreWrite.Transition(t.id(), from, to, "TEST_" + to, at,
                TransitionFields.NONE)).join();
    }

    /** Ids in order, so that files of the same history are the same bytes. */
    private UUID nextId() {
        return new UUID(0x00000000C1EA0000L, ++ids);
    }

    private void insert(TransactionRecord t) {
        store.submit(new StoreWrite.InsertTransaction(t, "TEST")).join();
    }

    static long issuerMinor(String acquirer, long acquirerMinor) {
        // RUB kopecks to whole IRR: minor/100 × 440; IRR to kopecks: minor × 0.00225 × 100.
        BigDecimal major = acquirer.equals("mir")
                ? BigDecimal.valueOf(acquirerMinor, 2).multiply(RUB_TO_IRR)
                : BigDecimal.valueOf(acquirerMinor).multiply(IRR_TO_RUB);
        int exponent = acquirer.equals("mir") ? 0 : 2;
        return major.setScale(exponent, java.math.RoundingMode.HALF_UP).unscaledValue()
                .longValueExact();
    }

    private TransactionRecord record(UUID id, String acquirer, String issuer, String mti,
            String processingCode, String mcc, long acquirerMinor, long issuerMinor,
            Instant at, LocalDate date, TransactionState state, UUID originalId,
            boolean stoodIn, String authCode) {
        stan++;
        String trace = String.format(java.util.Locale.ROOT, "%06d", stan);
        boolean mir = acquirer.equals("mir");
        Amount acq = mir ? new Amount(acquirerMinor, 643, 2) : new Amount(acquirerMinor, 364, 0);
        Amount iss = mir ? new Amount(issuerMinor, 364, 0) : new Amount(issuerMinor, 643, 2);
        String first6 = mir ? "603799" : "220220";
        byte[] hash = new byte[PanHash.LENGTH_BYTES];
        hash[0] = (byte) stan;
        ProtectedPan pan = new ProtectedPan(new byte[28], "test@v1", PanHash.of(hash), first6,
                String.format(java.util.Locale.ROOT, "%04d", stan % 10000));
        return new TransactionRecord(id, at, acquirer, issuer,
                processingCode.startsWith("01") ? Channel.ATM : Channel.POS, mti,
                processingCode, pan, acq, iss, null, mir ? RUB_TO_IRR : IRR_TO_RUB,
                new AcquirerReference(trace, "R" + trace, "TERM0001", "MERCHANT0000001", mcc,
                        "22001", "1125" + trace),
                new IssuerReference(trace, null), date, state, state
                        == TransactionState.DECLINED ? "51" : "00", null, authCode, stoodIn,
                originalId, Fees.NONE);
    }
}
