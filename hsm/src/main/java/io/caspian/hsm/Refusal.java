package io.caspian.hsm;

import java.util.Objects;

/**
 * A refusal raised deep inside the module and turned into {@link HsmResult.Refused} by
 * {@link SoftwareHsm} before it crosses the {@link Hsm} boundary: callers never see it.
 * It carries no stack trace (cheap, and nothing to leak) and its message never carries a
 * secret.
 */
public final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final HsmError error;

    public Refusal(HsmError error, String detail) {
        super(detail, null, false, false);
        this.error = Objects.requireNonNull(error, "error");
    }

    public HsmError error() {
        return error;
    }

    public <R> HsmResult<R> toResult() {
        return new HsmResult.Refused<>(error, getMessage());
    }
}
