package io.caspian.core.mapping;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * Caspian's numbering of a message it sends: trace number, reference number, time, and the
 * local transaction date-time it carried (DE 12/13), which a reversal's DE 90 repeats in
 * dialects that name the original by local time.
 */
public record Outbound(String stan, String rrn, Instant at, LocalDateTime localTime) {
}
