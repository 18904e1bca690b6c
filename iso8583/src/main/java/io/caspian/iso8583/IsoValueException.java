package io.caspian.iso8583;

/**
 * Thrown when code sets a value that does not fit its field: a programmer error on the
 * switch's side. Input from outside goes through {@link IsoMessage#trySet} instead, which
 * returns the failure as a value.
 */
public final class IsoValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient CodecFailure failure;

    public IsoValueException(CodecFailure failure) {
        super(failure.describe());
        this.failure = failure;
    }

    public CodecFailure failure() {
        return failure;
    }
}
