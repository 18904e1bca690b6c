package io.caspian.store;

import java.time.Instant;
import java.util.UUID;

/**
 * One operator action, recorded for disputes and regulators. Append-only.
 *
 * @param id assigned by the caller, so a replayed write records the action once
 * @param operator who did it: a user name, never a credential
 * @param action what, e.g. {@code KEY_ROTATED}, {@code SAF_RELEASED}
 * @param subject what it was done to, e.g. a transaction id or a scheme id
 * @param detail one line; never a PAN (masked at most), a PIN or a key
 */
public record AuditEntry(UUID id, Instant at, String operator, String action, String subject,
        String detail) {
    public AuditEntry {
        Invariants.present(id, "id");
        Invariants.present(at, "at");
        Invariants.requiredText(operator, "operator", 64);
        Invariants.requiredText(action, "action", 64);
        Invariants.requiredText(subject, "subject", 128);
        Invariants.requiredText(detail, "detail", 1000);
    }
}
