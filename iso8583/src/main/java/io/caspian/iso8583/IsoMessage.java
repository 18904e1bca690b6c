package io.caspian.iso8583;

import io.caspian.iso8583.dialect.Dialect;
import io.caspian.iso8583.dialect.FieldSpec;
import io.caspian.iso8583.dialect.FieldType;
import java.util.Arrays;

/**
 * One ISO 8583 message of one dialect. Every present field is held in its wire encoding in
 * one byte arena, located by a packed slot per field number, so decoding allocates no
 * per-field objects, re-encoding is a copy, and fields Caspian does not interpret pass
 * through byte for byte. Values are validated when they are set, so a message always holds
 * only what its dialect allows.
 *
 * <pre>
 * slot[n] = offset (32 bits) | wire length (16 bits) | length in units (16 bits)
 * present = three 64-bit words laid out as bitmaps: bit 1 of word 0 is the MSB
 * </pre>
 *
 * <p>Not thread-safe: a message belongs to one flow at a time.
 */
public final class IsoMessage {
    private final Dialect dialect;
    /** Grows to the dialect's last field only when a field past 64 is set. */
    private long[] slot;
    private final long[] present = new long[3];
    private byte[] arena;
    private int arenaEnd;
    private int mti = -1;

    private static final int PRIMARY_SLOTS = 65;

    /** An empty message of the dialect. */
    public IsoMessage(Dialect dialect) {
        this(dialect, 256);
    }

    IsoMessage(Dialect dialect, int arenaSize) {
        this.dialect = dialect;
        // Most messages carry fields of the primary bitmap only: 65 slots, not 129 or 193.
        this.slot = new long[Math.min(dialect.fieldNumberMax() + 1, PRIMARY_SLOTS)];
        this.arena = new byte[arenaSize];
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The MTI as four digits, e.g. {@code "0200"}; empty when none is set. */
    public String mti() {
        return mti < 0 ? "" : Mti.text(mti);
    }

    /** The MTI as a number, e.g. 200 for {@code 0200}; -1 when none is set. */
    public int mtiNumber() {
        return mti;
    }

    /** Sets the MTI; its version digit must be the dialect's. */
    public IsoMessage setMti(String value) {
        int v = Mti.parse(value);
        if (v < 0 || v / 1000 != dialect.isoVersion().mtiDigit()) {
            throw new IsoValueException(new CodecFailure(mti(), 0, -1, FailureReason.BAD_MTI,
                    "'" + value + "' for ISO " + dialect.isoVersion().year()));
        }
        this.mti = v;
        return this;
    }

    public IsoMessage setMti(int value) {
        return setMti(Mti.text(value));
    }

    public boolean has(int field) {
        if (field < 1 || field > dialect.fieldNumberMax()) {
            return false;
        }
        return (present[(field - 1) >>> 6] & (Long.MIN_VALUE >>> ((field - 1) & 63))) != 0;
    }

    /** Present field numbers in ascending order. */
    public int[] fieldNumbers() {
        int[] out = new int[Long.bitCount(present[0]) + Long.bitCount(present[1])
                + Long.bitCount(present[2])];
        int i = 0;
        for (int w = 0; w < 3; w++) {
            long bits = present[w];
            while (bits != 0) {
                int lz = Long.numberOfLeadingZeros(bits);
                out[i++] = w * 64 + lz + 1;
                bits &= ~(Long.MIN_VALUE >>> lz);
            }
        }
        return out;
    }

    /** The value as text: characters for text types, uppercase hex for b; null if absent. */
    public String getString(int field) {
        if (!has(field)) {
            return null;
        }
        long s = slot[field];
        return FieldCodec.text(dialect.field(field), arena, offset(s), wireLength(s), units(s));
    }

    /** The value of a numeric field of at most 18 digits; -1 if absent. */
    public long getLong(int field) {
        if (!has(field)) {
            return -1;
        }
        FieldSpec spec = dialect.field(field);
        long s = slot[field];
        if (spec.type() != FieldType.N || units(s) > 18) {
            throw new IllegalStateException("field " + field + " is not a number of <= 18 digits");
        }
        return FieldCodec.number(spec, arena, offset(s), wireLength(s), units(s));
    }

    /** The bytes of a b field, or the ASCII codes of a text field; null if absent. */
    public byte[] getBytes(int field) {
        if (!has(field)) {
            return null;
        }
        long s = slot[field];
        return FieldCodec.bytes(dialect.field(field), arena, offset(s), wireLength(s), units(s));
    }

    /** The field's length in units (digits, characters or bytes); -1 if absent. */
    public int length(int field) {
        return has(field) ? units(slot[field]) : -1;
    }

    /** Sets a field from its text (hex for b fields); throws when it does not fit. */
    public IsoMessage set(int field, String value) {
        CodecFailure f = trySet(field, value);
        if (f != null) {
            throw new IsoValueException(f);
        }
        return this;
    }

    /** Sets a numeric field, zero-padded to a fixed length. */
    public IsoMessage set(int field, long value) {
        return set(field, Long.toString(value));
    }

    /** Sets a b field from its bytes; throws when they do not fit. */
    public IsoMessage setBytes(int field, byte[] value) {
        CodecFailure f = trySetBytes(field, value);
        if (f != null) {
            throw new IsoValueException(f);
        }
        return this;
    }

    /** Sets a field from outside input: null when set, else why it does not fit. */
    public CodecFailure trySet(int field, String value) {
        FieldSpec spec = dialect.field(field);
        if (spec == null || field > dialect.fieldNumberMax()) {
            return valueFailure(field, FailureReason.FIELD_NOT_IN_DIALECT, "");
        }
        if (spec.type() == FieldType.B) {
            byte[] bytes = Wire.unhex(value);
            if (bytes == null) {
                return valueFailure(field, FailureReason.BAD_HEX, "b fields are set as hex");
            }
            return trySetBytes(field, bytes);
        }
        int units = ValueWriter.unitsOf(spec, value);
        if (units < 0) {
            return valueFailure(field, FailureReason.LENGTH_OUT_OF_RANGE,
                    "length " + value.length() + ", allowed " + spec.min() + ".." + spec.max());
        }
        int bad = ValueWriter.badCharacter(spec.type(), value);
        if (bad >= 0) {
            return valueFailure(field, FailureReason.BAD_CHARACTER,
                    "position " + bad + " not allowed in type " + spec.type().code());
        }
        int wire = spec.wireBytes(units);
        int pos = reserve(wire);
        int written = ValueWriter.writeText(spec, value, units, arena, pos);
        Invariants.check(written == wire, "wrote %d bytes for field %d, expected %d",
                written, field, wire);
        place(field, pos, wire, units);
        return null;
    }

    /** Sets a b field from outside input: null when set, else why it does not fit. */
    public CodecFailure trySetBytes(int field, byte[] value) {
        FieldSpec spec = dialect.field(field);
        if (spec == null || field > dialect.fieldNumberMax()) {
            return valueFailure(field, FailureReason.FIELD_NOT_IN_DIALECT, "");
        }
        if (spec.type() != FieldType.B) {
            return valueFailure(field, FailureReason.BAD_VALUE, "not a b field");
        }
        int units = value.length;
        if (units < spec.min() || units > spec.max()) {
            return valueFailure(field, FailureReason.LENGTH_OUT_OF_RANGE,
                    "length " + units + ", allowed " + spec.min() + ".." + spec.max());
        }
        int wire = spec.wireBytes(units);
        int pos = reserve(wire);
        ValueWriter.writeBytes(spec, value, arena, pos);
        place(field, pos, wire, units);
        return null;
    }

    /**
     * Copies a field from another message. When both dialects write the field the same way
     * the wire bytes are copied untouched; otherwise the value is re-encoded.
     */
    public CodecFailure copyFrom(IsoMessage other, int field) {
        if (!other.has(field)) {
            unset(field);
            return null;
        }
        FieldSpec mine = dialect.field(field);
        FieldSpec theirs = other.dialect.field(field);
        if (mine != null && sameWireForm(mine, theirs)) {
            long s = other.slot[field];
            int pos = reserve(wireLength(s));
            System.arraycopy(other.arena, offset(s), arena, pos, wireLength(s));
            place(field, pos, wireLength(s), units(s));
            return null;
        }
        return trySet(field, other.getString(field));
    }

    private static boolean sameWireForm(FieldSpec a, FieldSpec b) {
        return a.type() == b.type() && a.encoding() == b.encoding() && a.min() == b.min()
                && a.max() == b.max() && a.lengthKind() == b.lengthKind();
    }

    /** Removes a field. */
    public IsoMessage unset(int field) {
        if (field >= 1 && field <= dialect.fieldNumberMax()) {
            present[(field - 1) >>> 6] &= ~(Long.MIN_VALUE >>> ((field - 1) & 63));
            if (field < slot.length) {
                slot[field] = 0;
            }
        }
        return this;
    }

    /** A new message of the same dialect with the same MTI and fields. */
    public IsoMessage copy() {
        IsoMessage m = new IsoMessage(dialect, Math.max(arenaEnd, 16));
        System.arraycopy(arena, 0, m.arena, 0, arenaEnd);
        m.arenaEnd = arenaEnd;
        if (m.slot.length < slot.length) {
            m.slot = new long[slot.length];
        }
        System.arraycopy(slot, 0, m.slot, 0, slot.length);
        System.arraycopy(present, 0, m.present, 0, 3);
        m.mti = mti;
        return m;
    }

    /** A one-line dump with sensitive fields masked, safe for logs. */
    @Override
    public String toString() {
        return MaskedDump.oneLine(this);
    }

    // --- access for the codec -------------------------------------------------------------

    long presentWord(int i) {
        return present[i];
    }

    byte[] arena() {
        return arena;
    }

    long slot(int field) {
        return slot[field];
    }

    void setMtiNumber(int value) {
        this.mti = value;
    }

    /** Takes a copy of the wire bytes as the arena; fields are then placed into it. */
    void load(byte[] src, int off, int len) {
        if (arena.length < len) {
            arena = new byte[len];
        }
        System.arraycopy(src, off, arena, 0, len);
        arenaEnd = len;
    }

    void place(int field, int pos, int wireLength, int units) {
        if (field >= slot.length) {
            slot = Arrays.copyOf(slot, dialect.fieldNumberMax() + 1);
        }
        slot[field] = ((long) pos << 32) | ((long) wireLength << 16) | units;
        present[(field - 1) >>> 6] |= Long.MIN_VALUE >>> ((field - 1) & 63);
    }

    static int offset(long slot) {
        return (int) (slot >>> 32);
    }

    static int wireLength(long slot) {
        return (int) ((slot >>> 16) & 0xFFFF);
    }

    static int units(long slot) {
        return (int) (slot & 0xFFFF);
    }

    private int reserve(int bytes) {
        if (arenaEnd + bytes > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaEnd + bytes));
        }
        int pos = arenaEnd;
        arenaEnd += bytes;
        return pos;
    }

    private CodecFailure valueFailure(int field, FailureReason reason, String detail) {
        return new CodecFailure(mti(), field, -1, reason, detail);
    }
}
