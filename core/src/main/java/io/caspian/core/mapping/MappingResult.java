package io.caspian.core.mapping;

import io.caspian.core.txn.CanonicalMessage;

/** A wire message read into the canonical form, or why it could not be. */
public sealed interface MappingResult {

    record Mapped(CanonicalMessage message) implements MappingResult {
    }

    /** A field the flow needs is missing or makes no sense; the reply is a format error. */
    record Invalid(int field, String reason) implements MappingResult {
    }
}
