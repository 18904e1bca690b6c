package io.caspian.hsm;

import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of one HSM command: the command's output, or a refusal with its reason.
 *
 * @param <R> the command's output type
 */
public sealed interface HsmResult<R> {

    /** The command succeeded. */
    record Ok<R>(R value) implements HsmResult<R> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * The command was refused.
     *
     * @param error why, as a stable code
     * @param detail one line for an operator; never contains secrets
     */
    record Refused<R>(HsmError error, String detail) implements HsmResult<R> {
        public Refused {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public String toString() {
            return error + ": " + detail;
        }
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    /** The value of an {@link Ok}; on a refusal, fails loudly (a programmer error). */
    default R orElseThrow() {
        if (this instanceof Ok<R> ok) {
            return ok.value();
        }
        throw new IllegalStateException("HSM refused: " + this);
    }

    default <T> HsmResult<T> map(Function<R, T> mapper) {
        if (this instanceof Ok<R> ok) {
            return new Ok<>(mapper.apply(ok.value()));
        }
        Refused<R> refused = (Refused<R>) this;
        return new Refused<>(refused.error(), refused.detail());
    }
}
