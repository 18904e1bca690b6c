package io.caspian.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.caspian.store.JournalCodec.JournalFormatException;
import io.caspian.store.pan.PanHash;
import io.caspian.store.pan.ProtectedPan;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The journal codec round-trips every write the store accepts, and refuses anything else
 * with its own exception: a torn tail (every strict prefix), flipped bytes, random bytes.
 */
class JournalCodecTest {

    // Round trip.

    @Property
    void everySubmissionRoundTrips(@ForAll("submissions") List<StoreWrite> writes) {
        byte[] encoded = JournalCodec.encode(writes);

        List<StoreWrite> decoded = JournalCodec.decode(encoded);

        // ProtectedPan and PanHash compare their byte arrays by content, so equals is exact.
        assertThat(decoded).isEqualTo(writes);
        assertThat(JournalCodec.encode(decoded)).isEqualTo(encoded);
    }

    @Example
    void aRealisticInsertRoundTripsCompactly() {
        Transactions transactions = new Transactions();
        TransactionRecord t = transactions.received(12_345_00);
        List<StoreWrite> writes = List.of(Transactions.insert(t));

        byte[] encoded = JournalCodec.encode(writes);

        assertThat(JournalCodec.decode(encoded)).isEqualTo(writes);
        // 261 bytes in version 1; over a third of it is the protected PAN (96 bytes).
        assertThat(encoded.length).isLessThan(280);
    }

    @Example
    void aTypicalSubmissionRoundTrips() {
        Transactions transactions = new Transactions();
        TransactionRecord t = transactions.received(500_00);
        List<StoreWrite> writes = List.of(Transactions.insert(t),
                Transactions.move(t, TransactionState.RECEIVED, TransactionState.ROUTED,
                        Transactions.routed()),
                new StoreWrite.EnqueueSaf(SafItem.owed(t.id(), SafKind.REVERSAL, "mir", "0420",
                        "4021", 500_00, 643, Transactions.T0)));

        assertThat(JournalCodec.decode(JournalCodec.encode(writes))).isEqualTo(writes);
    }

    /** Pins version 1 byte for byte: a change here is a format change and needs a version. */
    @Example
    void aSafAckIsEncodedAsDocumented() {
        UUID id = new UUID(0x0123456789abcdefL, 0xfedcba9876543210L);
        List<StoreWrite> writes = List.of(
                new StoreWrite.SafAck(id, SafKind.REVERSAL, Instant.ofEpochSecond(1, 5)));

        byte[] encoded = JournalCodec.encode(writes);

        assertThat(HexFormat.of().formatHex(encoded))
                .isEqualTo("01" + "01" + "05" + "0123456789abcdef" + "fedcba9876543210"
                        + "01" + "02" + "05");
        assertThat(JournalCodec.decode(encoded)).isEqualTo(writes);
    }

    @Example
    void anUnpairedSurrogateIsRefusedWhenEncoding() {
        List<StoreWrite> writes = List.of(new StoreWrite.OpenBusinessDate("mir\uD800",
                Transactions.BUSINESS_DATE, Transactions.T0));

        assertThatThrownBy(() -> JournalCodec.encode(writes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unpaired surrogate");
    }

    // Refusals.

    @Property(tries = 200)
    void everyStrictPrefixIsRefused(@ForAll("submissions") List<StoreWrite> writes) {
        byte[] encoded = JournalCodec.encode(writes);

        for (int length = 0; length < encoded.length; length++) {
            byte[] prefix = Arrays.copyOf(encoded, length);
            Throwable thrown = catchThrowable(() -> JournalCodec.decode(prefix));
            assertThat(thrown).as("prefix of %d of %d bytes", length, encoded.length)
                    .isInstanceOf(JournalFormatException.class);
            assertThat(((JournalFormatException) thrown).offset()).isBetween(0, length);
        }
    }

    @Property
    void flippedBytesDecodeOrAreRefused(@ForAll("submissions") List<StoreWrite> writes,
            @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 0) Integer> positions,
            @ForAll @IntRange(min = 1, max = 255) int flip) {
        byte[] encoded = JournalCodec.encode(writes);
        for (int position : positions) {
            encoded[position % encoded.length] ^= (byte) flip;
        }

        decodesOrIsRefused(encoded);
    }

    @Property
    void randomBytesDecodeOrAreRefused(@ForAll @Size(max = 300) byte[] tail) {
        byte[] bytes = new byte[tail.length + 1];
        bytes[0] = JournalCodec.FORMAT_VERSION;
        System.arraycopy(tail, 0, bytes, 1, tail.length);

        decodesOrIsRefused(bytes);
    }

    @Example
    void anEmptyEntryIsTruncated() {
        assertRefused(new byte[0], 0, "truncated");
    }

    @Example
    void anotherVersionIsRefused() {
        byte[] encoded = JournalCodec.encode(List.of(audit()));
        encoded[0] = 2;

        assertRefused(encoded, 0, "unsupported format version 2");
    }

    @Example
    void trailingBytesAreRefused() {
        byte[] encoded = JournalCodec.encode(List.of(audit()));
        byte[] longer = Arrays.copyOf(encoded, encoded.length + 1);

        assertRefused(longer, encoded.length, "trailing");
    }

    @Example
    void anUnknownTagIsRefused() {
        byte[] encoded = JournalCodec.encode(List.of(audit()));
        encoded[2] = 8;

        assertRefused(encoded, 2, "unknown write tag 8");
    }

    @Example
    void anUnknownEnumCodeIsRefused() {
        byte[] encoded = JournalCodec.encode(List.of(
                new StoreWrite.SafAck(new UUID(1, 2), SafKind.ADVICE, Transactions.T0)));
        // version, count, tag, 16 bytes of UUID: the kind is at 19.
        encoded[19] = 9;

        assertRefused(encoded, 19, "unknown saf kind code 9");
    }

    @Example
    void aValueItsRecordRefusesIsRefused() {
        // An OpenBusinessDate whose scheme is 17 characters, one more than the record allows.
        byte[] bytes = new byte[3 + 1 + 17 + 1 + 2];
        bytes[0] = 1;
        bytes[1] = 1;
        bytes[2] = 6;
        bytes[3] = 17;
        Arrays.fill(bytes, 4, 21, (byte) 'x');

        Throwable thrown = assertRefused(bytes, 2, "scheme is longer than 16");
        assertThat(thrown).hasCauseInstanceOf(IllegalArgumentException.class);
    }

    @Example
    void malformedUtf8IsRefused() {
        byte[] encoded = JournalCodec.encode(List.of(new StoreWrite.OpenBusinessDate("mé",
                Transactions.BUSINESS_DATE, Transactions.T0)));
        // version, count, tag, length 3, 'm', then the two bytes of é: cut its continuation.
        encoded[6] = (byte) 'x';

        assertRefused(encoded, 4, "not valid UTF-8");
    }

    private static void decodesOrIsRefused(byte[] bytes) {
        List<StoreWrite> decoded;
        try {
            decoded = JournalCodec.decode(bytes);
        } catch (JournalFormatException refused) {
            assertThat(refused.offset()).isBetween(0, bytes.length);
            return;
        }
        // What decodes is a valid submission, so it survives another round trip unchanged.
        assertThat(JournalCodec.decode(JournalCodec.encode(decoded))).isEqualTo(decoded);
    }

    private static Throwable assertRefused(byte[] bytes, int offset, String reason) {
        Throwable thrown = catchThrowable(() -> JournalCodec.decode(bytes));
        assertThat(thrown).isInstanceOf(JournalFormatException.class)
                .hasMessageContaining("at byte " + offset + ":")
                .hasMessageContaining(reason);
        assertThat(((JournalFormatException) thrown).offset()).isEqualTo(offset);
        return thrown;
    }

    private static StoreWrite audit() {
        return new StoreWrite.Audit(new AuditEntry(new UUID(3, 4), Transactions.T0, "ops",
                "SAF_RELEASED", "mir", "released by hand"));
    }

    // Generators: each respects the invariants of the record it builds.

    @Provide
    Arbitrary<List<StoreWrite>> submissions() {
        return Arbitraries.oneOf(insertTransaction(), transition(), enqueueSaf(), safAttempt(),
                safAck(), openBusinessDate(), auditWrite()).list().ofMinSize(1).ofMaxSize(6);
    }

    private static Arbitrary<StoreWrite> insertTransaction() {
        return Combinators.combine(transaction(), text(200))
                .as(StoreWrite.InsertTransaction::new);
    }

    private static Arbitrary<StoreWrite> transition() {
        return Combinators.combine(uuids(), states(), states(), text(200), instants(),
                transitionFields().injectNull(0.2))
                .as((id, from, to, cause, at, fields) -> new StoreWrite.Transition(id, from,
                        from == to ? otherThan(from) : to, cause, at, fields));
    }

    private static Arbitrary<StoreWrite> enqueueSaf() {
        return safItem().map(StoreWrite.EnqueueSaf::new);
    }

    private static Arbitrary<StoreWrite> safAttempt() {
        return Combinators.combine(uuids(), safKinds(), instants(), instants(),
                text(200).injectNull(0.3)).as(StoreWrite.SafAttempt::new);
    }

    private static Arbitrary<StoreWrite> safAck() {
        return Combinators.combine(uuids(), safKinds(), instants()).as(StoreWrite.SafAck::new);
    }

    private static Arbitrary<StoreWrite> openBusinessDate() {
        return Combinators.combine(text(16), dates(), instants())
                .as(StoreWrite.OpenBusinessDate::new);
    }

    private static Arbitrary<StoreWrite> auditWrite() {
        return Combinators.combine(uuids(), instants(), text(64), text(64), text(128),
                text(1000)).as(AuditEntry::new).map(StoreWrite.Audit::new);
    }

    /** The first eight components of a transaction record. */
    private record Head(UUID id, Instant createdAt, String acquirerScheme, String issuerScheme,
            Channel channel, String mti, String processingCode, ProtectedPan pan) {
    }

    /** Its next eight. */
    private record Middle(Amount acquirerAmount, Amount issuerAmount, Amount billingAmount,
            BigDecimal conversionRate, AcquirerReference acquirer, IssuerReference issuer,
            LocalDate businessDate, TransactionState state) {
    }

    /** Its last seven. */
    private record Tail(String responseCode, String issuerResponseCode, String authCode,
            boolean stoodIn, UUID originalId, Fees fees, AdviceReference advice) {
    }

    private static Arbitrary<TransactionRecord> transaction() {
        Arbitrary<Head> head = Combinators.combine(uuids(), instants(), text(16), text(16),
                Arbitraries.of(Channel.class), digits(4), digits(6), protectedPans())
                .as(Head::new);
        Arbitrary<Middle> middle = Combinators.combine(amounts(), amounts().injectNull(0.4),
                amounts().injectNull(0.4), rates().injectNull(0.4), acquirerReferences(),
                issuerReferences().injectNull(0.4), dates(), states()).as(Middle::new);
        Arbitrary<Tail> tail = Combinators.combine(text(4).injectNull(0.4),
                text(4).injectNull(0.4), text(6).injectNull(0.4), Arbitraries.of(true, false),
                uuids().injectNull(0.5), fees().injectNull(0.2),
                adviceReferences().injectNull(0.5)).as(Tail::new);
        return Combinators.combine(head, middle, tail).as((h, m, t) -> new TransactionRecord(
                h.id(), h.createdAt(), h.acquirerScheme(), h.issuerScheme(), h.channel(),
                h.mti(), h.processingCode(), h.pan(), m.acquirerAmount(), m.issuerAmount(),
                m.billingAmount(), m.conversionRate(), m.acquirer(), m.issuer(),
                m.businessDate(), m.state(), t.responseCode(), t.issuerResponseCode(),
                t.authCode(), t.stoodIn(),
                h.id().equals(t.originalId()) ? null : t.originalId(), t.fees(), t.advice()));
    }

    private static Arbitrary<TransitionFields> transitionFields() {
        Arbitrary<TransitionFields> withoutAdvice = Combinators.combine(
                amounts().injectNull(0.5), amounts().injectNull(0.5), rates().injectNull(0.5),
                issuerReferences().injectNull(0.5), text(4).injectNull(0.5),
                text(4).injectNull(0.5), text(6).injectNull(0.5),
                Arbitraries.of(Boolean.TRUE, Boolean.FALSE).injectNull(0.5))
                .as(TransitionFields::new);
        return Combinators.combine(withoutAdvice, adviceReferences().injectNull(0.7))
                .as((f, advice) -> new TransitionFields(f.issuerAmount(), f.billingAmount(),
                        f.conversionRate(), f.issuer(), f.responseCode(),
                        f.issuerResponseCode(), f.authCode(), f.stoodIn(), advice));
    }

    /** Identifiers and amounts of a new item. */
    private record Owed(UUID transactionId, SafKind kind, String targetScheme, String mti,
            String reasonCode, long amountMinor, int currency, int attempts) {
    }

    private static Arbitrary<SafItem> safItem() {
        Arbitrary<Owed> owed = Combinators.combine(uuids(), safKinds(), text(16), digits(4),
                text(4), Arbitraries.longs().between(0, Long.MAX_VALUE),
                Arbitraries.integers(), Arbitraries.integers().between(0, Integer.MAX_VALUE))
                .as(Owed::new);
        return Combinators.combine(owed, instants(), instants(), instants().injectNull(0.5),
                text(200).injectNull(0.5), instants().injectNull(0.5))
                .as((o, created, next, last, error, acked) -> new SafItem(o.transactionId(),
                        o.kind(), o.targetScheme(), SafStatus.PENDING, o.mti(), o.reasonCode(),
                        o.amountMinor(), o.currency(), o.attempts(), created, next, last, error,
                        acked));
    }

    private static Arbitrary<ProtectedPan> protectedPans() {
        return Combinators.combine(Arbitraries.bytes().array(byte[].class).ofMaxSize(64),
                text(40), Arbitraries.bytes().array(byte[].class)
                        .ofSize(PanHash.LENGTH_BYTES).map(PanHash::of),
                digits(6), digits(4)).as(ProtectedPan::new);
    }

    private static Arbitrary<Amount> amounts() {
        return Combinators.combine(Arbitraries.longs().between(0, Long.MAX_VALUE),
                Arbitraries.integers().between(1, 999), Arbitraries.integers().between(0, 4))
                .as(Amount::new);
    }

    /** Up to 15 integer and 15 decimal digits, which is what {@link Rates} keeps. */
    private static Arbitrary<BigDecimal> rates() {
        BigInteger max = BigInteger.TEN.pow(30).subtract(BigInteger.ONE);
        return Arbitraries.bigIntegers().between(BigInteger.ONE, max)
                .map(unscaled -> new BigDecimal(unscaled, Rates.SCALE_MAX));
    }

    private static Arbitrary<AcquirerReference> acquirerReferences() {
        return Combinators.combine(text(12), text(12).injectNull(0.4),
                text(16).injectNull(0.4), text(15).injectNull(0.4),
                chars(4, 4).injectNull(0.4), text(11).injectNull(0.4), text(14))
                .as(AcquirerReference::new);
    }

    private static Arbitrary<IssuerReference> issuerReferences() {
        return Combinators.combine(text(12), text(12).injectNull(0.4))
                .as(IssuerReference::new);
    }

    private static Arbitrary<AdviceReference> adviceReferences() {
        return Combinators.combine(text(12), instants()).as(AdviceReference::new);
    }

    private static Arbitrary<Fees> fees() {
        return Combinators.combine(Arbitraries.longs().injectNull(0.5),
                Arbitraries.longs().injectNull(0.5), Arbitraries.integers().injectNull(0.5))
                .as((interchange, switchFee, currency) -> new Fees(interchange, switchFee,
                        currency == null && (interchange != null || switchFee != null)
                                ? Integer.valueOf(643) : currency));
    }

    private static Arbitrary<UUID> uuids() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new);
    }

    private static Arbitrary<Instant> instants() {
        return Combinators.combine(
                Arbitraries.longs().between(Instant.MIN.getEpochSecond(),
                        Instant.MAX.getEpochSecond()),
                Arbitraries.integers().between(0, 999_999_999)).as(Instant::ofEpochSecond);
    }

    private static Arbitrary<LocalDate> dates() {
        return Arbitraries.longs().between(LocalDate.MIN.toEpochDay(),
                LocalDate.MAX.toEpochDay()).map(LocalDate::ofEpochDay);
    }

    private static Arbitrary<TransactionState> states() {
        return Arbitraries.of(TransactionState.class);
    }

    private static TransactionState otherThan(TransactionState state) {
        TransactionState[] all = TransactionState.values();
        return all[(state.ordinal() + 1) % all.length];
    }

    private static Arbitrary<SafKind> safKinds() {
        return Arbitraries.of(SafKind.class);
    }

    private static Arbitrary<String> digits(int length) {
        return Arbitraries.strings().numeric().ofLength(length);
    }

    /** Text of up to {@code lengthMax} chars: empty, ASCII, any BMP text or with emoji. */
    private static Arbitrary<String> text(int lengthMax) {
        return chars(0, lengthMax);
    }

    private static Arbitrary<String> chars(int lengthMin, int lengthMax) {
        Arbitrary<String> ascii = Arbitraries.strings().ascii()
                .ofMinLength(lengthMin).ofMaxLength(lengthMax);
        Arbitrary<String> bmp = Arbitraries.strings()
                .withCharRange('\u0000', '\uD7FF').withCharRange('\uE000', '\uFFFF')
                .ofMinLength(lengthMin).ofMaxLength(lengthMax);
        // Supplementary code points take two chars each: a pair, never a lone surrogate.
        Arbitrary<String> supplementary = Arbitraries.integers().between(0, 0x10FFFF)
                .filter(cp -> cp < 0xD800 || cp > 0xDFFF).list().ofMaxSize(lengthMax)
                .map(cps -> new String(cps.stream().mapToInt(Integer::intValue).toArray(),
                        0, cps.size()))
                .filter(s -> s.length() >= lengthMin && s.length() <= lengthMax);
        return Arbitraries.frequencyOf(
                Tuple.of(5, ascii), Tuple.of(3, bmp),
                Tuple.of(2, supplementary));
    }
}
