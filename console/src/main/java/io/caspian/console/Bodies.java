package io.caspian.console;

import io.javalin.http.Context;

/** Request bodies: JSON into a type, or a 400 that says what was expected. */
final class Bodies {
    private Bodies() {
    }

    static <T> T read(Context ctx, Class<T> type) {
        try {
            return ctx.bodyAsClass(type);
        } catch (Exception e) {
            // Jackson's exceptions are checked, but Javalin (Kotlin) throws them undeclared.
            throw new BadRequest("the body is not the JSON object expected");
        }
    }
}
