package io.caspian.iso8583;

/** The outcome of decoding: a whole message or a failure, never half of one. */
public sealed interface DecodeResult {

    record Success(IsoMessage message) implements DecodeResult {
    }

    record Failure(CodecFailure failure) implements DecodeResult {
    }
}
