package io.caspian.console;

/** A request the API cannot take as given: HTTP 400 with the message, one line. */
final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
        super(message);
    }
}
