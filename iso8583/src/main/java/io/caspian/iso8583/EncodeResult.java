package io.caspian.iso8583;

/** The outcome of encoding: the wire bytes or why there are none. */
public sealed interface EncodeResult {

    record Success(byte[] bytes) implements EncodeResult {
    }

    record Failure(CodecFailure failure) implements EncodeResult {
    }
}
