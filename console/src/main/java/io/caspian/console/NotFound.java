package io.caspian.console;

/** A request names something that does not exist: HTTP 404 with the message. */
final class NotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotFound(String message) {
        super(message);
    }
}
