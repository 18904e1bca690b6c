package io.caspian.hsm;

import java.util.Objects;

/**
 * One clear key component of a key ceremony and its check value (TDES: encrypt a zero
 * block; AES: CMAC of a zero block), as a custodian reads it from a component form.
 *
 * <p>Clear key material: the record does not copy the value. Going into the HSM
 * ({@link HsmCommand.FormKey}) the HSM zeroes it once the command has run; coming out
 * ({@link HsmCommand.SplitKey}) the caller zeroes it once it is printed. Never logged:
 * {@link #toString()} shows the check value only.
 *
 * @param value the component, as long as the key it forms
 * @param checkValue the component's check value, hex (4 or 6 digits)
 */
public record KeyComponent(byte[] value, String checkValue) {
    public KeyComponent {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(checkValue, "checkValue");
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "KeyComponent[kcv=" + checkValue + ", value redacted]";
    }
}
