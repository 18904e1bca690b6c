package io.caspian.store;

import io.caspian.store.pan.PanHash;
import io.caspian.store.pan.ProtectedPan;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The binary form of one submission's writes in the embedded store's write-ahead journal:
 * compact, hand-rolled (no reflection, no Java serialization) and strict on the way back, so
 * a torn or corrupted journal entry is refused with its byte offset instead of replayed.
 *
 * <pre>
 * submission = version (u8 = 1) | count (uvar) | write * count
 * write      = tag (u8) | fields of the record, in declaration order
 *   tag        1 InsertTransaction  2 Transition  3 EnqueueSaf  4 SafAttempt
 *              5 SafAck             6 OpenBusinessDate           7 Audit
 *
 * uvar       unsigned LEB128 varint, 1..10 bytes
 * long, int  zigzag, then uvar (small magnitudes take one or two bytes)
 * boolean    u8 0 | 1
 * nullable   u8 presence 0 (absent, nothing follows) | 1 (the value follows)
 * UUID       most significant 8 bytes, least significant 8 bytes, big-endian
 * Instant    epoch seconds (long) | nanos (uvar, below 10^9)
 * LocalDate  epoch day (long)
 * BigDecimal scale (int) | length (uvar, 1..16) | unscaled two's complement, big-endian
 * String     length in bytes (uvar) | UTF-8 (strict: no unpaired surrogate either way)
 * byte[]     length (uvar) | bytes
 * PanHash    its 32 bytes, no length
 * enum       u8 stable code from the tables below, never the ordinal
 * </pre>
 *
 * <p>Records inside a write are their components in declaration order with the same rules;
 * a nullable component carries a presence byte. Decoding runs each record's own constructor,
 * so a decoded write satisfies the same invariants as one built by a flow; a violation is a
 * {@link JournalFormatException} naming the offset of the write. A format change gets a new
 * version byte; this codec refuses every version but its own.
 */
final class JournalCodec {
    /** The only format this codec writes and reads. */
    static final int FORMAT_VERSION = 1;

    /** A conversion rate is at most 30 digits ({@link Rates}): 13 bytes unscaled. */
    static final int DECIMAL_BYTES_MAX = 16;

    private static final int TAG_INSERT_TRANSACTION = 1;
    private static final int TAG_TRANSITION = 2;
    private static final int TAG_ENQUEUE_SAF = 3;
    private static final int TAG_SAF_ATTEMPT = 4;
    private static final int TAG_SAF_ACK = 5;
    private static final int TAG_OPEN_BUSINESS_DATE = 6;
    private static final int TAG_AUDIT = 7;

    /** A typical submission (an insert and a transition) fits without growing. */
    private static final int INITIAL_CAPACITY = 512;

    private JournalCodec() {
    }

    /** One submission's writes as bytes: a format version byte, then the writes. */
    static byte[] encode(List<StoreWrite> writes) {
        Writer out = new Writer();
        out.u8(FORMAT_VERSION);
        out.unsigned(writes.size());
        for (StoreWrite write : writes) {
            write(out, write);
        }
        return out.toByteArray();
    }

    /**
     * The writes back.
     *
     * @throws JournalFormatException naming the byte offset and the reason, on any input that
     *     {@link #encode} could not have written
     */
    static List<StoreWrite> decode(byte[] bytes) {
        Reader in = new Reader(bytes);
        int version = in.u8("format version");
        if (version != FORMAT_VERSION) {
            throw new JournalFormatException(0, "unsupported format version " + version);
        }
        int countAt = in.offset();
        long count = in.unsigned("write count");
        // Every write takes at least its tag byte: a larger count cannot be honest.
        if (count > in.remaining()) {
            throw new JournalFormatException(countAt,
                    "truncated: " + count + " writes announced, " + in.remaining() + " bytes left");
        }
        List<StoreWrite> writes = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            writes.add(readWrite(in));
        }
        if (in.remaining() != 0) {
            throw new JournalFormatException(in.offset(),
                    in.remaining() + " trailing bytes after " + count + " writes");
        }
        return writes;
    }

    private static void write(Writer out, StoreWrite write) {
        if (write instanceof StoreWrite.InsertTransaction w) {
            out.u8(TAG_INSERT_TRANSACTION);
            transaction(out, w.transaction());
            out.text(w.cause());
        } else if (write instanceof StoreWrite.Transition w) {
            out.u8(TAG_TRANSITION);
            out.uuid(w.transactionId());
            out.u8(stateCode(w.from()));
            out.u8(stateCode(w.to()));
            out.text(w.cause());
            out.instant(w.at());
            transitionFields(out, w.fields());
        } else if (write instanceof StoreWrite.EnqueueSaf w) {
            out.u8(TAG_ENQUEUE_SAF);
            safItem(out, w.item());
        } else if (write instanceof StoreWrite.SafAttempt w) {
            out.u8(TAG_SAF_ATTEMPT);
            out.uuid(w.transactionId());
            out.u8(safKindCode(w.kind()));
            out.instant(w.attemptedAt());
            out.instant(w.nextAttemptAt());
            out.nullableText(w.error());
        } else if (write instanceof StoreWrite.SafAck w) {
            out.u8(TAG_SAF_ACK);
            out.uuid(w.transactionId());
            out.u8(safKindCode(w.kind()));
            out.instant(w.ackedAt());
        } else if (write instanceof StoreWrite.OpenBusinessDate w) {
            out.u8(TAG_OPEN_BUSINESS_DATE);
            out.text(w.scheme());
            out.signed(w.date().toEpochDay());
            out.instant(w.at());
        } else if (write instanceof StoreWrite.Audit w) {
            out.u8(TAG_AUDIT);
            auditEntry(out, w.entry());
        } else {
            // Unreachable while StoreWrite is sealed to the seven records above.
            throw new IllegalArgumentException("no journal tag for " + write.getClass());
        }
    }

    private static StoreWrite readWrite(Reader in) {
        int at = in.offset();
        int tag = in.u8("write tag");
        try {
            return switch (tag) {
                case TAG_INSERT_TRANSACTION -> new StoreWrite.InsertTransaction(
                        readTransaction(in), in.text("cause"));
                case TAG_TRANSITION -> new StoreWrite.Transition(in.uuid("transaction id"),
                        readState(in, "from"), readState(in, "to"), in.text("cause"),
                        in.instant("at"), readTransitionFields(in));
                case TAG_ENQUEUE_SAF -> new StoreWrite.EnqueueSaf(readSafItem(in));
                case TAG_SAF_ATTEMPT -> new StoreWrite.SafAttempt(in.uuid("transaction id"),
                        readSafKind(in), in.instant("attempted at"),
                        in.instant("next attempt at"), in.nullableText("error"));
                case TAG_SAF_ACK -> new StoreWrite.SafAck(in.uuid("transaction id"),
                        readSafKind(in), in.instant("acked at"));
                case TAG_OPEN_BUSINESS_DATE -> new StoreWrite.OpenBusinessDate(
                        in.text("scheme"), in.date("date"), in.instant("at"));
                case TAG_AUDIT -> new StoreWrite.Audit(readAuditEntry(in));
                default -> throw new JournalFormatException(at, "unknown write tag " + tag);
            };
        } catch (IllegalArgumentException | NullPointerException | ArithmeticException e) {
            // A record's constructor refused what the bytes say; its message names the field.
            throw new JournalFormatException(at,
                    "invalid write with tag " + tag + ": " + e.getMessage(), e);
        }
    }

    private static void transaction(Writer out, TransactionRecord t) {
        out.uuid(t.id());
        out.instant(t.createdAt());
        out.text(t.acquirerScheme());
        out.text(t.issuerScheme());
        out.u8(channelCode(t.channel()));
        out.text(t.mti());
        out.text(t.processingCode());
        protectedPan(out, t.pan());
        amount(out, t.acquirerAmount());
        if (out.present(t.issuerAmount())) {
            amount(out, t.issuerAmount());
        }
        if (out.present(t.billingAmount())) {
            amount(out, t.billingAmount());
        }
        if (out.present(t.conversionRate())) {
            out.decimal(t.conversionRate());
        }
        acquirerReference(out, t.acquirer());
        if (out.present(t.issuer())) {
            issuerReference(out, t.issuer());
        }
        out.signed(t.businessDate().toEpochDay());
        out.u8(stateCode(t.state()));
        out.nullableText(t.responseCode());
        out.nullableText(t.issuerResponseCode());
        out.nullableText(t.authCode());
        out.bool(t.stoodIn());
        if (out.present(t.originalId())) {
            out.uuid(t.originalId());
        }
        fees(out, t.fees());
        if (out.present(t.advice())) {
            adviceReference(out, t.advice());
        }
    }

    private static TransactionRecord readTransaction(Reader in) {
        return new TransactionRecord(in.uuid("id"), in.instant("created at"),
                in.text("acquirer scheme"), in.text("issuer scheme"), readChannel(in),
                in.text("mti"), in.text("processing code"), readProtectedPan(in),
                readAmount(in), in.present("issuer amount") ? readAmount(in) : null,
                in.present("billing amount") ? readAmount(in) : null,
                in.present("conversion rate") ? in.decimal("conversion rate") : null,
                readAcquirerReference(in),
                in.present("issuer reference") ? readIssuerReference(in) : null,
                in.date("business date"), readState(in, "state"),
                in.nullableText("response code"), in.nullableText("issuer response code"),
                in.nullableText("auth code"), in.bool("stood in"),
                in.present("original id") ? in.uuid("original id") : null, readFees(in),
                in.present("advice") ? readAdviceReference(in) : null);
    }

    private static void protectedPan(Writer out, ProtectedPan pan) {
        out.bytes(pan.ciphertext());
        out.text(pan.keyId());
        out.raw(pan.hash().bytes());
        out.text(pan.first6());
        out.text(pan.last4());
    }

    private static ProtectedPan readProtectedPan(Reader in) {
        return new ProtectedPan(in.bytes("pan ciphertext"), in.text("pan key id"),
                PanHash.of(in.raw(PanHash.LENGTH_BYTES, "pan hash")), in.text("pan first6"),
                in.text("pan last4"));
    }

    private static void amount(Writer out, Amount amount) {
        out.signed(amount.minor());
        out.signed(amount.currency());
        out.signed(amount.exponent());
    }

    private static Amount readAmount(Reader in) {
        return new Amount(in.signed("amount minor"), in.signedInt("amount currency"),
                in.signedInt("amount exponent"));
    }

    private static void acquirerReference(Writer out, AcquirerReference a) {
        out.text(a.stan());
        out.nullableText(a.rrn());
        out.nullableText(a.terminalId());
        out.nullableText(a.merchantId());
        out.nullableText(a.merchantCategoryCode());
        out.nullableText(a.institutionId());
        out.text(a.transmissionTime());
    }

    private static AcquirerReference readAcquirerReference(Reader in) {
        return new AcquirerReference(in.text("acquirer stan"), in.nullableText("acquirer rrn"),
                in.nullableText("terminal id"), in.nullableText("merchant id"),
                in.nullableText("merchant category code"),
                in.nullableText("acquirer institution id"), in.text("transmission time"));
    }

    private static void issuerReference(Writer out, IssuerReference issuer) {
        out.text(issuer.stan());
        out.nullableText(issuer.rrn());
    }

    private static IssuerReference readIssuerReference(Reader in) {
        return new IssuerReference(in.text("issuer stan"), in.nullableText("issuer rrn"));
    }

    private static void adviceReference(Writer out, AdviceReference advice) {
        out.text(advice.stan());
        out.instant(advice.sentAt());
    }

    private static AdviceReference readAdviceReference(Reader in) {
        return new AdviceReference(in.text("advice stan"), in.instant("advice sent at"));
    }

    private static void fees(Writer out, Fees fees) {
        if (out.present(fees.interchangeFeeMinor())) {
            out.signed(fees.interchangeFeeMinor());
        }
        if (out.present(fees.switchFeeMinor())) {
            out.signed(fees.switchFeeMinor());
        }
        if (out.present(fees.currency())) {
            out.signed(fees.currency());
        }
    }

    private static Fees readFees(Reader in) {
        Long interchange = in.present("interchange fee") ? in.signed("interchange fee") : null;
        Long switchFee = in.present("switch fee") ? in.signed("switch fee") : null;
        Integer currency = in.present("fee currency") ? in.signedInt("fee currency") : null;
        return new Fees(interchange, switchFee, currency);
    }

    private static void transitionFields(Writer out, TransitionFields f) {
        if (out.present(f.issuerAmount())) {
            amount(out, f.issuerAmount());
        }
        if (out.present(f.billingAmount())) {
            amount(out, f.billingAmount());
        }
        if (out.present(f.conversionRate())) {
            out.decimal(f.conversionRate());
        }
        if (out.present(f.issuer())) {
            issuerReference(out, f.issuer());
        }
        out.nullableText(f.responseCode());
        out.nullableText(f.issuerResponseCode());
        out.nullableText(f.authCode());
        if (out.present(f.stoodIn())) {
            out.bool(f.stoodIn());
        }
        if (out.present(f.advice())) {
            adviceReference(out, f.advice());
        }
    }

    private static TransitionFields readTransitionFields(Reader in) {
        return new TransitionFields(in.present("issuer amount") ? readAmount(in) : null,
                in.present("billing amount") ? readAmount(in) : null,
                in.present("conversion rate") ? in.decimal("conversion rate") : null,
                in.present("issuer reference") ? readIssuerReference(in) : null,
                in.nullableText("response code"), in.nullableText("issuer response code"),
                in.nullableText("auth code"),
                in.present("stood in") ? Boolean.valueOf(in.bool("stood in")) : null,
                in.present("advice") ? readAdviceReference(in) : null);
    }

    private static void safItem(Writer out, SafItem item) {
        out.uuid(item.transactionId());
        out.u8(safKindCode(item.kind()));
        out.text(item.targetScheme());
        out.u8(safStatusCode(item.status()));
        out.text(item.messageMti());
        out.text(item.reasonCode());
        out.signed(item.amountMinor());
        out.signed(item.currency());
        out.signed(item.attempts());
        out.instant(item.createdAt());
        out.instant(item.nextAttemptAt());
        if (out.present(item.lastAttemptAt())) {
            out.instant(item.lastAttemptAt());
        }
        out.nullableText(item.lastError());
        if (out.present(item.ackedAt())) {
            out.instant(item.ackedAt());
        }
    }

    private static SafItem readSafItem(Reader in) {
        return new SafItem(in.uuid("transaction id"), readSafKind(in), in.text("target scheme"),
                readSafStatus(in), in.text("message mti"), in.text("reason code"),
                in.signed("amount minor"), in.signedInt("currency"), in.signedInt("attempts"),
                in.instant("created at"), in.instant("next attempt at"),
                in.present("last attempt at") ? in.instant("last attempt at") : null,
                in.nullableText("last error"),
                in.present("acked at") ? in.instant("acked at") : null);
    }

    private static void auditEntry(Writer out, AuditEntry entry) {
        out.uuid(entry.id());
        out.instant(entry.at());
        out.text(entry.operator());
        out.text(entry.action());
        out.text(entry.subject());
        out.text(entry.detail());
    }

    private static AuditEntry readAuditEntry(Reader in) {
        return new AuditEntry(in.uuid("audit id"), in.instant("audit at"), in.text("operator"),
                in.text("action"), in.text("subject"), in.text("detail"));
    }

    // Enum codes are part of the format: never renumber one, never reuse a retired one. The
    // switches have no default, so a new constant does not compile until it has a code.

    private static int channelCode(Channel channel) {
        return switch (channel) {
            case ATM -> 1;
            case POS -> 2;
            case ECOM -> 3;
            case TRANSFER -> 4;
        };
    }

    private static Channel readChannel(Reader in) {
        int at = in.offset();
        int code = in.u8("channel");
        return switch (code) {
            case 1 -> Channel.ATM;
            case 2 -> Channel.POS;
            case 3 -> Channel.ECOM;
            case 4 -> Channel.TRANSFER;
            default -> throw new JournalFormatException(at, "unknown channel code " + code);
        };
    }

    private static int stateCode(TransactionState state) {
        return switch (state) {
            case RECEIVED -> 1;
            case ROUTED -> 2;
            case SENT -> 3;
            case APPROVED -> 4;
            case DECLINED -> 5;
            case TIMED_OUT -> 6;
            case REVERSAL_PENDING -> 7;
            case REVERSED -> 8;
            case STOOD_IN -> 9;
            case ADVICE_PENDING -> 10;
            case ADVISED -> 11;
        };
    }

    private static TransactionState readState(Reader in, String what) {
        int at = in.offset();
        int code = in.u8(what);
        return switch (code) {
            case 1 -> TransactionState.RECEIVED;
            case 2 -> TransactionState.ROUTED;
            case 3 -> TransactionState.SENT;
            case 4 -> TransactionState.APPROVED;
            case 5 -> TransactionState.DECLINED;
            case 6 -> TransactionState.TIMED_OUT;
            case 7 -> TransactionState.REVERSAL_PENDING;
            case 8 -> TransactionState.REVERSED;
            case 9 -> TransactionState.STOOD_IN;
            case 10 -> TransactionState.ADVICE_PENDING;
            case 11 -> TransactionState.ADVISED;
            default -> throw new JournalFormatException(at,
                    "unknown transaction state code " + code + " in " + what);
        };
    }

    private static int safKindCode(SafKind kind) {
        return switch (kind) {
            case REVERSAL -> 1;
            case ADVICE -> 2;
        };
    }

    private static SafKind readSafKind(Reader in) {
        int at = in.offset();
        int code = in.u8("saf kind");
        return switch (code) {
            case 1 -> SafKind.REVERSAL;
            case 2 -> SafKind.ADVICE;
            default -> throw new JournalFormatException(at, "unknown saf kind code " + code);
        };
    }

    private static int safStatusCode(SafStatus status) {
        return switch (status) {
            case PENDING -> 1;
            case ACKED -> 2;
        };
    }

    private static SafStatus readSafStatus(Reader in) {
        int at = in.offset();
        int code = in.u8("saf status");
        return switch (code) {
            case 1 -> SafStatus.PENDING;
            case 2 -> SafStatus.ACKED;
            default -> throw new JournalFormatException(at, "unknown saf status code " + code);
        };
    }

    /**
     * Input that is not an encoding of writes: truncated, an unknown tag or code, trailing
     * bytes, or values a record refuses. Never carries the bytes themselves.
     */
    static final class JournalFormatException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final int offset;

        JournalFormatException(int offset, String reason) {
            super("malformed journal entry at byte " + offset + ": " + reason);
            this.offset = offset;
        }

        JournalFormatException(int offset, String reason, Throwable cause) {
            super("malformed journal entry at byte " + offset + ": " + reason, cause);
            this.offset = offset;
        }

        /** Where in the entry the malformed item starts. */
        int offset() {
            return offset;
        }
    }

    /** A growable byte array without the locking of {@code ByteArrayOutputStream}. */
    private static final class Writer {
        private byte[] buffer = new byte[INITIAL_CAPACITY];
        private int size;

        byte[] toByteArray() {
            return Arrays.copyOf(buffer, size);
        }

        private void ensure(int more) {
            if (buffer.length - size < more) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
            }
        }

        void u8(int value) {
            ensure(1);
            buffer[size++] = (byte) value;
        }

        void bool(boolean value) {
            u8(value ? 1 : 0);
        }

        /** Writes the presence byte; the caller writes the value when this returns true. */
        boolean present(Object value) {
            u8(value != null ? 1 : 0);
            return value != null;
        }

        void unsigned(long value) {
            ensure(10);
            long rest = value;
            while ((rest & ~0x7FL) != 0) {
                buffer[size++] = (byte) ((rest & 0x7F) | 0x80);
                rest >>>= 7;
            }
            buffer[size++] = (byte) rest;
        }

        void signed(long value) {
            unsigned((value << 1) ^ (value >> 63));
        }

        void fixed64(long value) {
            ensure(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                buffer[size++] = (byte) (value >>> shift);
            }
        }

        void uuid(UUID id) {
            fixed64(id.getMostSignificantBits());
            fixed64(id.getLeastSignificantBits());
        }

        void instant(Instant at) {
            signed(at.getEpochSecond());
            unsigned(at.getNano());
        }

        void decimal(BigDecimal value) {
            byte[] unscaled = value.unscaledValue().toByteArray();
            Invariants.check(unscaled.length <= DECIMAL_BYTES_MAX,
                    "decimal longer than " + DECIMAL_BYTES_MAX + " bytes");
            signed(value.scale());
            bytes(unscaled);
        }

        void raw(byte[] bytes) {
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buffer, size, bytes.length);
            size += bytes.length;
        }

        void bytes(byte[] bytes) {
            unsigned(bytes.length);
            raw(bytes);
        }

        void nullableText(String text) {
            if (present(text)) {
                text(text);
            }
        }

        /** UTF-8 by hand: ASCII, nearly all of it, is copied without an intermediate array. */
        void text(String text) {
            int chars = text.length();
            int length = utf8Length(text);
            unsigned(length);
            ensure(length);
            if (length == chars) {
                for (int i = 0; i < chars; i++) {
                    buffer[size++] = (byte) text.charAt(i);
                }
                return;
            }
            for (int i = 0; i < chars; i++) {
                int c = text.charAt(i);
                if (c < 0x80) {
                    buffer[size++] = (byte) c;
                } else if (c < 0x800) {
                    buffer[size++] = (byte) (0xC0 | c >> 6);
                    buffer[size++] = (byte) (0x80 | c & 0x3F);
                } else if (Character.isHighSurrogate((char) c)) {
                    int cp = Character.toCodePoint((char) c, text.charAt(++i));
                    buffer[size++] = (byte) (0xF0 | cp >> 18);
                    buffer[size++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    buffer[size++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    buffer[size++] = (byte) (0x80 | cp & 0x3F);
                } else {
                    buffer[size++] = (byte) (0xE0 | c >> 12);
                    buffer[size++] = (byte) (0x80 | c >> 6 & 0x3F);
                    buffer[size++] = (byte) (0x80 | c & 0x3F);
                }
            }
        }

        /**
         * The UTF-8 length; refuses an unpaired surrogate, which UTF-8 cannot carry and the
         * JDK would silently turn into '?', so the journal would disagree with the store.
         */
        private static int utf8Length(String text) {
            int chars = text.length();
            long length = 0;
            for (int i = 0; i < chars; i++) {
                char c = text.charAt(i);
                if (c < 0x80) {
                    length += 1;
                } else if (c < 0x800) {
                    length += 2;
                } else if (Character.isSurrogate(c)) {
                    boolean paired = Character.isHighSurrogate(c) && i + 1 < chars
                            && Character.isLowSurrogate(text.charAt(i + 1));
                    Invariants.check(paired, "text holds an unpaired surrogate at char " + i);
                    length += 4;
                    i++;
                } else {
                    length += 3;
                }
            }
            Invariants.check(length <= Integer.MAX_VALUE - 16, "text too long to journal");
            return (int) length;
        }
    }

    /** Reads forward through one entry, each read checking what is left first. */
    private static final class Reader {
        private static final int NANOS_PER_SECOND = 1_000_000_000;

        private final byte[] bytes;
        private int position;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        int offset() {
            return position;
        }

        int remaining() {
            return bytes.length - position;
        }

        private void need(int count, String what) {
            if (remaining() < count) {
                throw new JournalFormatException(position, "truncated: " + what + " needs "
                        + count + " bytes, " + remaining() + " left");
            }
        }

        int u8(String what) {
            need(1, what);
            return bytes[position++] & 0xFF;
        }

        boolean bool(String what) {
            int value = u8(what);
            if (value > 1) {
                throw new JournalFormatException(position - 1,
                        what + " is " + value + ", not 0 or 1");
            }
            return value == 1;
        }

        boolean present(String what) {
            return bool(what + " presence");
        }

        long unsigned(String what) {
            int at = position;
            long value = 0;
            for (int shift = 0; ; shift += 7) {
                int b = u8(what);
                if (shift == 63 && b > 1) {
                    throw new JournalFormatException(at, what + " overflows 64 bits");
                }
                value |= (long) (b & 0x7F) << shift;
                if (b < 0x80) {
                    return value;
                }
            }
        }

        long signed(String what) {
            long zigzag = unsigned(what);
            return (zigzag >>> 1) ^ -(zigzag & 1);
        }

        int signedInt(String what) {
            int at = position;
            long value = signed(what);
            if (value != (int) value) {
                throw new JournalFormatException(at, what + " " + value + " is not an int");
            }
            return (int) value;
        }

        private int length(String what) {
            int at = position;
            long length = unsigned(what + " length");
            if (length > remaining()) {
                throw new JournalFormatException(at, "truncated: " + what + " of " + length
                        + " bytes, " + remaining() + " left");
            }
            return (int) length;
        }

        long fixed64(String what) {
            need(8, what);
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = value << 8 | bytes[position++] & 0xFF;
            }
            return value;
        }

        UUID uuid(String what) {
            return new UUID(fixed64(what), fixed64(what));
        }

        Instant instant(String what) {
            int at = position;
            long seconds = signed(what);
            long nanos = unsigned(what + " nanos");
            if (nanos >= NANOS_PER_SECOND) {
                throw new JournalFormatException(at, what + " has " + nanos + " nanoseconds");
            }
            try {
                return Instant.ofEpochSecond(seconds, nanos);
            } catch (DateTimeException e) {
                throw new JournalFormatException(at, what + " out of range", e);
            }
        }

        LocalDate date(String what) {
            int at = position;
            long epochDay = signed(what);
            try {
                return LocalDate.ofEpochDay(epochDay);
            } catch (DateTimeException e) {
                throw new JournalFormatException(at, what + " out of range", e);
            }
        }

        BigDecimal decimal(String what) {
            int scale = signedInt(what + " scale");
            int at = position;
            int length = length(what);
            if (length == 0 || length > DECIMAL_BYTES_MAX) {
                throw new JournalFormatException(at,
                        what + " has " + length + " bytes, not 1 to " + DECIMAL_BYTES_MAX);
            }
            BigInteger unscaled = new BigInteger(bytes, position, length);
            position += length;
            return new BigDecimal(unscaled, scale);
        }

        byte[] raw(int count, String what) {
            need(count, what);
            byte[] value = Arrays.copyOfRange(bytes, position, position + count);
            position += count;
            return value;
        }

        byte[] bytes(String what) {
            return raw(length(what), what);
        }

        String nullableText(String what) {
            return present(what) ? text(what) : null;
        }

        /** Strict UTF-8: malformed input is refused, never replaced by U+FFFD. */
        String text(String what) {
            int length = length(what);
            int start = position;
            position += length;
            for (int i = start; i < position; i++) {
                if (bytes[i] < 0) {
                    return strictUtf8(start, length, what);
                }
            }
            return new String(bytes, start, length, StandardCharsets.ISO_8859_1);
        }

        private String strictUtf8(int start, int length, String what) {
            try {
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, start, length)).toString();
            } catch (CharacterCodingException e) {
                throw new JournalFormatException(start, what + " is not valid UTF-8", e);
            }
        }
    }
}
