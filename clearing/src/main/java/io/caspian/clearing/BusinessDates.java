package io.caspian.clearing;

import io.caspian.store.AuditEntry;
import io.caspian.store.ClearingRows.BusinessDateRow;
import io.caspian.store.StoreWrite;
import io.caspian.store.TransactionStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each scheme's business date. The schedule gives a date by the scheme's local clock and
 * cut-over time; a cut-over by command or network message opens the next date early, and
 * the schedule never takes a scheme back. So a scheme's date at an instant is the later of
 * its scheduled date and the latest date opened in {@code business_date}.
 *
 * <pre>
 * date(scheme, at) = max(scheduled(scheme, at), latest opened date)
 * scheduled(scheme, at) = local date of at, +1 when local time >= cut-over (cut-over > 00:00)
 * </pre>
 *
 * <p>{@link #businessDate} reads a cache and is cheap enough for the switch to call per
 * request; {@link #refresh} reloads it (a cut-over made by another process).
 */
public final class BusinessDates {
    private static final org.slf4j.Logger LOG =
            org.slf4j.LoggerFactory.getLogger(BusinessDates.class);
    private final TransactionStore store;
    private final Map<String, SchemeCalendar> schemes;
    private final Clock clock;
    private final Map<String, LocalDate> opened = new ConcurrentHashMap<>();

    public BusinessDates(TransactionStore store, Map<String, SchemeCalendar> schemes,
            Clock clock) {
        this.store = store;
        this.schemes = Map.copyOf(schemes);
        this.clock = clock;
        refresh();
    }

    /** The scheme's date by its schedule alone. */
    public LocalDate scheduled(String scheme, Instant at) {
        SchemeCalendar c = calendar(scheme);
        ZonedDateTime local = at.atZone(c.zone());
        LocalDate date = local.toLocalDate();
        boolean afterCutOver = !c.cutOver().equals(LocalTime.MIDNIGHT)
                && !local.toLocalTime().isBefore(c.cutOver());
        return afterCutOver ? date.plusDays(1) : date;
    }

    /** The business date a transaction of {@code scheme} received at {@code at} belongs to. */
    public LocalDate businessDate(String scheme, Instant at) {
        LocalDate scheduled = scheduled(scheme, at);
        LocalDate open = opened.get(scheme);
        return open != null && open.isAfter(scheduled) ? open : scheduled;
    }

    /** The scheme's current business date, after reading the store. */
    public LocalDate current(String scheme) {
        calendar(scheme);
        refresh();
        return businessDate(scheme, clock.instant());
    }

    /** Reloads the latest opened date of every scheme from the store. */
    public void refresh() {
        for (String scheme : schemes.keySet()) {
            Optional<LocalDate> latest = store.clearing().businessDates(scheme).stream()
                    .map(BusinessDateRow::businessDate).findFirst();
            latest.ifPresent(d -> opened.put(scheme, d));
        }
    }

    /**
     * Cuts over: closes the scheme's current date and opens the next; transactions from now
     * on belong to it. Recorded in {@code business_date} and the audit trail.
     *
     * @return the date now open
     */
    public LocalDate cutOver(String scheme, String operator, String why) {
        LocalDate next = current(scheme).plusDays(1);
        Instant now = clock.instant();
        open(scheme, next, now, new AuditEntry(UUID.randomUUID(), now, operator, "CUT_OVER",
                scheme, "business date " + next.minusDays(1) + " closed, " + next + " opened ("
                        + why + ")"));
        return next;
    }

    /**
     * A cut-over announced by the scheme (network management, DE 70 = 201): the next date
     * is current at once, in memory, and recorded without waiting (safe to call on the
     * switch's engine thread). A failed write is logged; the schedule or the next cut-over
     * records the date.
     *
     * @return the date now current
     */
    public LocalDate announceCutOver(String scheme, Instant at) {
        LocalDate next = businessDate(scheme, at).plusDays(1);
        opened.merge(scheme, next, (a, b) -> a.isAfter(b) ? a : b);
        store.submit(new StoreWrite.OpenBusinessDate(scheme, next, at),
                new StoreWrite.Audit(new AuditEntry(UUID.randomUUID(), at, scheme, "CUT_OVER",
                        scheme, "business date " + next.minusDays(1) + " closed, " + next
                                + " opened (network management 201 from the scheme)")))
                .whenComplete((ok, error) -> {
                    if (error != null) {
                        LOG.warn("{}: cut-over to {} not recorded: {}", scheme, next,
                                error.toString());
                    }
                });
        return next;
    }

    /**
     * Records the scheduled cut-overs that have passed (so {@code business_date} shows when
     * each date opened); returns the schemes that moved from a date they had open, whose
     * closed date is now to be cleared. A scheme's very first date (a new store) is opened
     * too, but closes nothing and is not returned. Call periodically.
     */
    public List<String> openScheduled() {
        refresh();
        Instant now = clock.instant();
        List<String> moved = new java.util.ArrayList<>();
        for (String scheme : schemes.keySet()) {
            LocalDate due = scheduled(scheme, now);
            LocalDate open = opened.get(scheme);
            if (open == null || due.isAfter(open)) {
                open(scheme, due, now, null);
                if (open != null) {
                    moved.add(scheme);
                }
            }
        }
        return moved;
    }

    /** A scheme's dates, latest first. */
    public List<BusinessDateRow> history(String scheme) {
        calendar(scheme);
        return store.clearing().businessDates(scheme);
    }

    private void open(String scheme, LocalDate date, Instant at, AuditEntry audit) {
        List<StoreWrite> writes = audit == null
                ? List.of(new StoreWrite.OpenBusinessDate(scheme, date, at))
                : List.of(new StoreWrite.OpenBusinessDate(scheme, date, at),
                        new StoreWrite.Audit(audit));
        try {
            store.submit(writes).join();
        } catch (CompletionException e) {
            throw new ClearingException("cannot open business date " + date + " for " + scheme
                    + ": " + e.getCause().getMessage(), e.getCause());
        }
        opened.merge(scheme, date, (a, b) -> a.isAfter(b) ? a : b);
    }

    private SchemeCalendar calendar(String scheme) {
        SchemeCalendar c = schemes.get(scheme);
        if (c == null) {
            throw new ClearingException("unknown scheme '" + scheme + "'");
        }
        return c;
    }
}
