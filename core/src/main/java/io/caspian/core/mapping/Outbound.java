package io.caspian.core.mapping;

import java.time.Instant;

/** Caspian's numbering of a message it sends: trace number, reference number and time. */
public record Outbound(String stan, String rrn, Instant at) {
}
