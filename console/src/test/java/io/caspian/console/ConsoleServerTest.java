package io.caspian.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.caspian.core.flow.SwitchStats;
import io.caspian.core.txn.Reason;
import io.caspian.store.AcquirerReference;
import io.caspian.store.Amount;
import io.caspian.store.AuditEntry;
import io.caspian.store.Channel;
import io.caspian.store.Fees;
import io.caspian.store.IssuerReference;
import io.caspian.store.MessageRecord;
import io.caspian.store.StoreConfig;
import io.caspian.store.StoreWrite;
import io.caspian.store.TransactionRecord;
import io.caspian.store.TransactionState;
import io.caspian.store.TransactionStore;
import io.caspian.store.pan.PanHash;
import io.caspian.store.pan.ProtectedPan;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API over a real H2 store, with fake links: login, roles, audit, search, trace. */
class ConsoleServerTest {
    private static final String PAN_ONE = "2200120000001234";
    private static final Instant T0 = Instant.now().minusSeconds(60);

    @TempDir
    Path dir;

    private TransactionStore store;
    private ConsoleServer server;
    private ConsoleMetrics metrics;
    private Http http;
    private final FakeLink mir = new FakeLink("mir");
    private final AtomicInteger reloads = new AtomicInteger();
    private volatile String reloadRefusal;
    private TransactionRecord one;
    private TransactionRecord two;

    @BeforeEach
    void start() throws Exception {
        store = TransactionStore.open(StoreConfig.embedded(dir), Clock.systemUTC());
        one = record("mir", "shetab", "1234", hash(1), new Amount(100_00, 643, 2), "000101",
                new IssuerReference("000555", "632909000555"), T0);
        two = record("shetab", "mir", "9999", hash(2), new Amount(500_000, 364, 0), "000102",
                null, T0.plusSeconds(1));
        store.submit(new StoreWrite.InsertTransaction(one, "TEST"),
                new StoreWrite.InsertTransaction(two, "TEST")).get(10, TimeUnit.SECONDS);
        metrics = new ConsoleMetrics();
        PanLookup pans = pan -> pan.equals(PAN_ONE) ? hash(1) : hash(9);
        Reloader reloader = () -> {
            reloads.incrementAndGet();
            return reloadRefusal;
        };
        ConsoleBackend backend = new ConsoleBackend(store, new SwitchStats(), () -> 3,
                List.of(mir), pans, reloader, ClearingPort.NONE, metrics, Clock.systemUTC());
        server = ConsoleServer.start(new ConsoleSettings("127.0.0.1", 0, 60_000, List.of(
                user("vera", Role.VIEWER), user("otto", Role.OPERATOR),
                user("ada", Role.ADMIN)), true), backend);
        http = new Http(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    private static ConsoleUser user(String name, Role role) {
        return new ConsoleUser(name, role, PasswordHashes.hash((name + "-pw").toCharArray(),
                PasswordHashes.ITERATIONS_MIN));
    }

    private static PanHash hash(int b) {
        byte[] bytes = new byte[PanHash.LENGTH_BYTES];
        Arrays.fill(bytes, (byte) b);
        return PanHash.of(bytes);
    }

    private static TransactionRecord record(String acquirer, String issuer, String last4,
            PanHash hash, Amount amount, String stan, IssuerReference ours, Instant at) {
        return new TransactionRecord(UUID.randomUUID(), at, acquirer, issuer, Channel.POS,
                "0200", "000000", new ProtectedPan(new byte[] {1, 2, 3}, "pan.data", hash,
                        "220012", last4), amount, null, null, null,
                new AcquirerReference(stan, "632909" + stan, "TERM0001", "MERCHANT0000001",
                        "5411", "22001", "1125090558"), ours, LocalDate.of(2026, 11, 25),
                TransactionState.APPROVED, "00", "00", "123456", false, null, Fees.NONE);
    }

    @Test
    void nothingButHealthAndTheLoginAnswersWithoutALogin() throws Exception {
        assertThat(http.get("/health", null).statusCode()).isEqualTo(200);
        assertThat(Http.json(http.get("/health", null)).get("ready").asBoolean()).isTrue();
        assertThat(http.get("/login", null).statusCode()).isEqualTo(200);
        for (String path : List.of("/api/dashboard", "/api/transactions", "/api/links",
                "/api/saf", "/api/me", "/metrics", "/assets/console.js")) {
            assertThat(http.get(path, null).statusCode()).as(path).isEqualTo(401);
        }
        assertThat(http.get("/metrics", null).headers().firstValue("WWW-Authenticate"))
                .contains("Basic realm=\"caspian\"");
        HttpResponse<String> page = http.get("/", null);
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).contains("/login");
        assertThat(http.get("/api/dashboard", "made-up-token").statusCode()).isEqualTo(401);
    }

    @Test
    void loginGivesASessionAndAWrongPasswordIsRefusedAndAudited() throws Exception {
        assertThat(http.post("/api/login", null, "not json").statusCode()).isEqualTo(400);
        HttpResponse<String> wrong = http.post("/api/login", null,
                "{\"user\":\"otto\",\"password\":\"nope\"}");
        assertThat(wrong.statusCode()).isEqualTo(401);
        HttpResponse<String> ok = http.post("/api/login", null,
                "{\"user\":\"otto\",\"password\":\"otto-pw\"}");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Set-Cookie")).hasValueSatisfying(c -> assertThat(c)
                .startsWith(Auth.COOKIE + "=").contains("HttpOnly", "SameSite=Strict"));
        String token = Http.json(ok).get("token").asText();
        JsonNode me = Http.json(http.get("/api/me", token));
        assertThat(me.get("user").asText()).isEqualTo("otto");
        assertThat(me.get("role").asText()).isEqualTo("operator");
        assertThat(audit()).extracting(AuditEntry::action).contains("LOGIN_FAILED", "LOGIN");
        http.post("/api/logout", token, "{}");
        assertThat(http.get("/api/me", token).statusCode()).isEqualTo(401);
    }

    @Test
    void operatorActionsNeedTheRoleAndAreOnTheAuditTrailWithWho() throws Exception {
        String viewer = http.login("vera", "vera-pw");
        String operator = http.login("otto", "otto-pw");
        assertThat(http.post("/api/links/mir/sign-off", viewer, "{}").statusCode())
                .isEqualTo(403);
        assertThat(http.post("/api/reload", viewer, "{}").statusCode()).isEqualTo(403);
        assertThat(mir.actions).isEmpty();

        HttpResponse<String> off = http.post("/api/links/mir/sign-off", operator, "{}");
        assertThat(off.statusCode()).isEqualTo(200);
        assertThat(mir.actions).containsExactly("sign-off");
        assertThat(http.post("/api/links/nope/echo", operator, "{}").statusCode())
                .isEqualTo(404);
        assertThat(http.post("/api/reload", operator, "{}").statusCode()).isEqualTo(200);
        reloadRefusal = "the schemes differ";
        HttpResponse<String> refused = http.post("/api/reload", operator, "{}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(Http.json(refused).get("error").asText()).isEqualTo("the schemes differ");
        assertThat(reloads).hasValue(2);
        assertThat(http.post("/api/business-dates/mir/cut-over", operator, "{}").statusCode())
                .as("clearing is not connected").isEqualTo(409);

        List<AuditEntry> trail = audit();
        assertThat(trail).filteredOn(e -> e.action().equals("LINK_SIGN_OFF")).singleElement()
                .satisfies(e -> {
                    assertThat(e.operator()).isEqualTo("otto");
                    assertThat(e.subject()).isEqualTo("link mir");
                });
        assertThat(trail).filteredOn(e -> e.action().equals("RELOAD")).hasSize(2)
                .allSatisfy(e -> assertThat(e.operator()).isEqualTo("otto"));
        assertThat(trail).filteredOn(e -> e.action().equals("CUT_OVER")).hasSize(1);

        assertThat(http.get("/api/audit", operator).statusCode()).isEqualTo(403);
        JsonNode entries = Http.json(http.get("/api/audit", http.login("ada", "ada-pw")));
        assertThat(entries.findValuesAsText("action")).contains("LINK_SIGN_OFF", "RELOAD");
    }

    @Test
    void businessDatesSettlementAndCutOverComeFromClearing() throws Exception {
        java.util.List<String> cutOvers = new java.util.ArrayList<>();
        ClearingPort clearing = new ClearingPort() {
            @Override
            public boolean available() {
                return true;
            }

            @Override
            public List<BusinessDate> businessDates() {
                return List.of(new BusinessDate("mir", LocalDate.of(2026, 11, 25),
                        "2026-11-24T21:00:00Z"));
            }

            @Override
            public String cutOver(String scheme, String operator) {
                cutOvers.add(scheme + " by " + operator);
                return null;
            }

            @Override
            public java.util.Map<String, Object> settlement(LocalDate businessDate) {
                return java.util.Map.of("available", true, "businessDate",
                        businessDate.toString(), "settled", false);
            }
        };
        ConsoleBackend backend = new ConsoleBackend(store, new SwitchStats(), () -> 0,
                List.of(mir), pan -> hash(9), () -> null, clearing, new ConsoleMetrics(),
                Clock.systemUTC());
        try (ConsoleServer connected = ConsoleServer.start(new ConsoleSettings("127.0.0.1", 0,
                60_000, List.of(user("otto", Role.OPERATOR)), true), backend)) {
            Http h = new Http(connected.port());
            String operator = h.login("otto", "otto-pw");
            HttpResponse<String> dates = h.get("/api/business-dates", operator);
            assertThat(dates.statusCode()).as(dates.body()).isEqualTo(200);
            JsonNode d = Http.json(dates).get("dates").get(0);
            assertThat(d.get("scheme").asText()).isEqualTo("mir");
            assertThat(d.get("current").asText()).isEqualTo("2026-11-25");
            assertThat(Http.json(h.get("/api/settlement?date=2026-11-24", operator))
                    .get("businessDate").asText()).isEqualTo("2026-11-24");
            assertThat(h.post("/api/business-dates/mir/cut-over", operator, "{}").statusCode())
                    .isEqualTo(200);
            assertThat(cutOvers).containsExactly("mir by otto");
        }
    }

    @Test
    void searchesByLastFourFullPanDirectionAndAmount() throws Exception {
        String token = http.login("vera", "vera-pw");
        assertThat(ids(http.get("/api/transactions?last4=1234", token)))
                .containsExactly(one.id().toString());
        assertThat(ids(http.get("/api/transactions?direction=shetab%3Emir", token)))
                .containsExactly(two.id().toString());
        assertThat(ids(http.get("/api/transactions?amountMin=20000", token)))
                .containsExactly(two.id().toString());
        assertThat(ids(http.get("/api/transactions?stan=000555", token)))
                .as("our STAN towards the issuer").containsExactly(one.id().toString());
        assertThat(ids(http.post("/api/transactions/search", token,
                "{\"pan\":\"" + PAN_ONE + "\"}"))).containsExactly(one.id().toString());
        assertThat(http.get("/api/transactions?pan=" + PAN_ONE, token).statusCode())
                .as("a PAN never travels in a URL").isEqualTo(400);
        assertThat(ids(http.get("/api/transactions?state=approved&direction=mir%3Eshetab",
                token))).containsExactly(one.id().toString());
        assertThat(http.get("/api/transactions?state=happy", token).statusCode())
                .isEqualTo(400);
        assertThat(http.get("/api/transactions?last4=12x4", token).statusCode()).isEqualTo(400);
        assertThat(http.post("/api/transactions/search", token, "[1,").statusCode())
                .isEqualTo(400);
        assertThat(http.get("/api/transactions?colour=red", token).statusCode()).isEqualTo(400);
        JsonNode row = Http.json(http.get("/api/transactions/" + one.id(), token));
        assertThat(row.get("card").asText()).isEqualTo("220012******1234");
        assertThat(row.get("acquirerAmount").get("display").asText()).isEqualTo("100.00 RUB");
        assertThat(http.get("/api/transactions/" + UUID.randomUUID(), token).statusCode())
                .isEqualTo(404);
    }

    @Test
    void traceShowsMessagesOnBothLinksInOrderWithHopTimesAndHistory() throws Exception {
        Instant at = T0.plusMillis(2);
        journal(at, "mir", MessageRecord.Direction.IN, "0200", "000101", "632909000101", null);
        journal(at.plusMillis(3), "shetab", MessageRecord.Direction.OUT, "2200", "000555",
                "632909000555", null);
        journal(at.plusMillis(40), "shetab", MessageRecord.Direction.IN, "2210", "000555",
                "632909000555", "0000");
        journal(at.plusMillis(45), "mir", MessageRecord.Direction.OUT, "0210", "000101",
                "632909000101", "00");
        journal(at.plusMillis(46), "mir", MessageRecord.Direction.IN, "0200", "999999",
                "632909999999", null);
        long deadline = System.currentTimeMillis() + 10_000;
        while (store.journalStats().written() < 5 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        JsonNode trace = Http.json(http.get("/api/transactions/" + one.id() + "/trace",
                http.login("vera", "vera-pw")));
        JsonNode messages = trace.get("messages");
        assertThat(messages.findValuesAsText("hop")).containsExactly("mir -> switch",
                "switch -> shetab", "shetab -> switch", "switch -> mir");
        assertThat(messages.findValuesAsText("sincePreviousMicros"))
                .containsExactly("0", "3000", "37000", "5000");
        assertThat(messages.get(0).get("fields").get(0).get("name").asText())
                .isEqualTo("Card number");
        assertThat(messages.get(0).get("fields").get(0).get("value").asText())
                .isEqualTo("220012******1234");
        assertThat(trace.get("history").get(0).get("to").asText()).isEqualTo("APPROVED");
    }

    private void journal(Instant at, String link, MessageRecord.Direction direction,
            String mti, String stan, String rrn, String code) {
        store.journal(() -> new MessageRecord(UUID.randomUUID(), at, link, direction, mti, stan,
                rrn, code, mti + "\n2\tCard number\t220012******1234\n11\tSTAN\t" + stan));
    }

    @Test
    void metricsAndDashboardShowTheSameCounts() throws Exception {
        metrics.onAnswered("mir", "shetab", Reason.APPROVED, TransactionState.APPROVED,
                2_000_000, true);
        metrics.onAnswered("mir", "shetab", Reason.APPROVED, TransactionState.ADVICE_PENDING,
                1_000_000, true);
        metrics.onAnswered("mir", "shetab", Reason.ISSUER_UNAVAILABLE,
                TransactionState.REVERSAL_PENDING, 5_000_000_000L, true);
        metrics.onMessage("mir", true, "0200", null);
        metrics.onMessage("mir", false, "0210", "00");
        String scrape = http.basic("/metrics", "vera", "vera-pw").body();
        assertThat(scrape)
                .contains("caspian_requests_total{direction=\"mir>shetab\",outcome=\"approved\"}"
                        + " 2.0")
                .contains("caspian_requests_total{direction=\"mir>shetab\",outcome=\"declined\"}"
                        + " 1.0")
                .contains("caspian_stand_ins_total{direction=\"mir>shetab\"} 1.0")
                .contains("caspian_timeouts_total{direction=\"mir>shetab\"} 1.0")
                .contains("caspian_link_messages_total{direction=\"in\",link=\"mir\",mti=\"0200\"}"
                        + " 1.0")
                .contains("caspian_link_response_codes_total{code=\"00\",direction=\"out\","
                        + "link=\"mir\"} 1.0")
                .contains("caspian_request_latency_seconds_bucket{direction=\"mir>shetab\"")
                .contains("caspian_in_flight 3.0")
                .contains("caspian_link_up{link=\"mir\"} 1.0")
                .contains("caspian_store_up 1.0")
                .contains("caspian_store_journal_late_failures_total 0.0")
                .containsPattern("caspian_store_journal_backlog \\d");
        assertThat(http.basic("/metrics", "vera", "wrong").statusCode()).isEqualTo(401);
        JsonNode dir = Http.json(http.get("/api/dashboard", http.login("vera", "vera-pw")))
                .get("directions").get(0);
        assertThat(dir.get("direction").asText()).isEqualTo("mir>shetab");
        assertThat(dir.get("answered").asLong()).isEqualTo(3);
        assertThat(dir.get("approved").asLong()).isEqualTo(2);
        assertThat(dir.get("standIns").asLong()).isEqualTo(1);
    }

    private static List<String> ids(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Http.json(r).get("transactions").findValuesAsText("id");
    }

    private List<AuditEntry> audit() {
        return store.auditTrail(Instant.now().minusSeconds(600), Instant.now().plusSeconds(1));
    }
}
