package io.caspian.app.config;

import io.caspian.core.conversion.Rate;
import io.caspian.core.conversion.RateTable;
import io.caspian.core.flow.MacSettings;
import io.caspian.core.flow.SchemeSettings;
import io.caspian.core.flow.SwitchSettings;
import io.caspian.core.mapping.CodeTable;
import io.caspian.core.mapping.SchemeWire;
import io.caspian.core.mapping.WireConventions;
import io.caspian.core.money.Currency;
import io.caspian.core.money.CurrencyTable;
import io.caspian.core.routing.IinRange;
import io.caspian.core.routing.Router;
import io.caspian.core.screening.Screening;
import io.caspian.core.standin.StandInRules;
import io.caspian.core.txn.TransactionType;
import io.caspian.hsm.MacAlgorithm;
import io.caspian.iso8583.dialect.Dialect;
import io.caspian.iso8583.dialect.DialectException;
import io.caspian.iso8583.dialect.Dialects;
import io.caspian.iso8583.framing.FrameSpec;
import io.caspian.iso8583.framing.LengthHeader;
import io.caspian.link.LinkConfig;
import io.caspian.link.LinkRole;
import io.caspian.store.Channel;
import io.caspian.store.StoreConfig;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The validated, typed settings built from a {@link CaspianConfig}: what core, the links,
 * the store and the HSM are started with. Relations between limits are checked here.
 */
public record Settings(SwitchSettings switchSettings, Map<String, LinkConfig> links,
        StoreConfig store, Path hsmStore, Path lmk, String panDataKey, String panHashKey,
        int ioThreads) {

    /** Builds and checks everything; the first problem found is the exception. */
    public static Settings of(CaspianConfig c, String source) throws ConfigException {
        return new Builder(source).build(c);
    }

    private static final class Builder {
        private final String source;
        private final CurrencyTable currencies = CurrencyTable.standard();

        Builder(String source) {
            this.source = source;
        }

        Settings build(CaspianConfig c) throws ConfigException {
            require(c.switchSettings() != null, "switch", "is missing");
            require(c.schemes() != null && c.schemes().size() >= 2, "schemes",
                    "needs at least two schemes");
            CaspianConfig.SwitchSection sw = c.switchSettings();
            require(sw.inFlightMax() > 0, "switch.inFlightMax", "must be positive");
            require(sw.safRetryMs() >= 10, "switch.safRetryMs", "must be at least 10");
            require(sw.duplicateWindowMs() >= 1_000, "switch.duplicateWindowMs",
                    "must be at least 1000");
            long queueWaitMaxMs = sw.queueWaitMaxMs() == null
                    ? SwitchSettings.QUEUE_WAIT_MAX_MS_DEFAULT : sw.queueWaitMaxMs();
            require(queueWaitMaxMs >= 10, "switch.queueWaitMaxMs", "must be at least 10");
            Map<String, SchemeSettings> schemes = new LinkedHashMap<>();
            Map<String, LinkConfig> links = new LinkedHashMap<>();
            List<IinRange> ranges = new ArrayList<>();
            for (Map.Entry<String, CaspianConfig.SchemeSection> e : c.schemes().entrySet()) {
                String id = e.getKey();
                String at = "schemes." + id;
                CaspianConfig.SchemeSection s = e.getValue();
                Dialect dialect = dialect(s.dialect(), at + ".dialect");
                SchemeSettings settings = scheme(id, s, dialect, at);
                schemes.put(id, settings);
                require(s.iin() != null && !s.iin().isEmpty(), at + ".iin", "lists no IINs");
                for (String prefix : s.iin()) {
                    try {
                        ranges.add(new IinRange(prefix, id));
                    } catch (IllegalArgumentException ex) {
                        throw fail(at + ".iin", ex.getMessage());
                    }
                }
                links.put(id, link(id, s.link(), dialect, s.institutionId(), at + ".link",
                        s.responseTimeoutMs()));
            }
            RateTable rates = rates(c);
            SwitchSettings sws = new SwitchSettings(schemes, new Router(ranges), rates,
                    currencies, sw.duplicateWindowMs(), sw.safRetryMs(), sw.inFlightMax(),
                    queueWaitMaxMs);
            CaspianConfig.HsmSection hsm = c.hsm();
            require(hsm != null && hsm.store() != null, "hsm.store", "is missing");
            return new Settings(sws, links, store(c.store()), Path.of(hsm.store()),
                    hsm.lmk() == null ? null : Path.of(hsm.lmk()),
                    hsm.panDataKey() == null ? "pan.data" : hsm.panDataKey(),
                    hsm.panHashKey() == null ? "pan.lookup" : hsm.panHashKey(),
                    sw.ioThreads() <= 0 ? 1 : sw.ioThreads());
        }

        private SchemeSettings scheme(String id, CaspianConfig.SchemeSection s, Dialect dialect,
                String at) throws ConfigException {
            WireConventions conventions = switch (String.valueOf(s.conventions())) {
                case "iso1987" -> WireConventions.iso1987();
                case "shetab" -> WireConventions.shetab();
                default -> throw fail(at + ".conventions", "must be iso1987 or shetab");
            };
            CodeTable codes = switch (String.valueOf(s.codes())) {
                case "iso1987" -> CodeTable.iso1987();
                case "shetab" -> CodeTable.shetab();
                default -> throw fail(at + ".codes", "must be iso1987 or shetab");
            };
            Currency currency = currencies.byAlpha(String.valueOf(s.currency()),
                    LocalDate.now()).orElseThrow(() -> fail(at + ".currency",
                    "'" + s.currency() + "' is not in the currency table"));
            require(s.institutionId() != null && s.institutionId().matches("[0-9]{1,11}"),
                    at + ".institutionId", "must be 1..11 digits");
            require(s.zonePinKey() != null, at + ".zonePinKey", "is missing");
            require(Set.of(0, 1, 3, 4).contains(s.pinBlockFormat()), at + ".pinBlockFormat",
                    "must be 0, 1, 3 or 4");
            require(s.responseTimeoutMs() >= 100, at + ".responseTimeoutMs",
                    "must be at least 100");
            ZoneId zone;
            try {
                zone = ZoneId.of(String.valueOf(s.timeZone()));
            } catch (DateTimeException e) {
                throw fail(at + ".timeZone", "'" + s.timeZone() + "' is not a time zone");
            }
            CaspianConfig.SettlementSection settlement = s.settlement();
            return new SchemeSettings(SchemeWire.of(id, dialect, conventions, codes, currency,
                    s.institutionId()), s.zonePinKey(), s.pinBlockFormat(),
                    s.responseTimeoutMs(), standIn(s.standIn(), at + ".standIn"),
                    channels(s.channels(), at + ".channels"), zone,
                    mac(s.mac(), dialect, at + ".mac"), screening(s.screening()),
                    settlement == null ? -1 : settlement.netDebitCapMinor(),
                    settlement == null ? 0 : settlement.prefundedMinor(),
                    s.zoneMasterKey() == null ? "zmk." + id : s.zoneMasterKey());
        }

        private MacSettings mac(CaspianConfig.MacSection m, Dialect dialect, String at)
                throws ConfigException {
            if (m == null) {
                return null;
            }
            require(m.key() != null, at + ".key", "is missing");
            require(dialect.macField() != 0, at, "the dialect declares no MAC field");
            try {
                return new MacSettings(m.key(), MacAlgorithm.valueOf(String.valueOf(
                        m.algorithm())));
            } catch (IllegalArgumentException e) {
                throw fail(at + ".algorithm", "must be one of "
                        + Arrays.toString(MacAlgorithm.values()));
            }
        }

        private static Screening screening(CaspianConfig.ScreeningSection s) {
            if (s == null) {
                return Screening.none();
            }
            return new Screening(set(s.blockedIin()), set(s.blockedCardHashes()),
                    set(s.blockedMcc()), set(s.blockedCountries()), s.dailyCountMax(),
                    s.dailyAmountMaxMinor());
        }

        private static Set<String> set(List<String> list) {
            return list == null ? Set.of() : Set.copyOf(list);
        }

        private StandInRules standIn(CaspianConfig.StandInSection s, String at)
                throws ConfigException {
            if (s == null || !s.enabled()) {
                return StandInRules.disabled();
            }
            Set<TransactionType> types = EnumSet.noneOf(TransactionType.class);
            for (String t : s.types() == null ? List.<String>of() : s.types()) {
                try {
                    types.add(TransactionType.valueOf(t));
                } catch (IllegalArgumentException e) {
                    throw fail(at + ".types", "'" + t + "' is not a transaction type");
                }
            }
            require(s.amountMaxMinor() > 0 && s.dailyCountMax() > 0
                    && s.dailyAmountMaxMinor() >= s.amountMaxMinor(), at,
                    "needs amountMaxMinor > 0, dailyCountMax > 0, "
                            + "dailyAmountMaxMinor >= amountMaxMinor");
            return new StandInRules(true, s.amountMaxMinor(), s.dailyCountMax(),
                    s.dailyAmountMaxMinor(), types, channels(s.channels(), at + ".channels"));
        }

        private Set<Channel> channels(List<String> names, String at) throws ConfigException {
            Set<Channel> out = EnumSet.noneOf(Channel.class);
            for (String n : names == null ? List.<String>of() : names) {
                try {
                    out.add(Channel.valueOf(n));
                } catch (IllegalArgumentException e) {
                    throw fail(at, "'" + n + "' is not ATM, POS, ECOM or TRANSFER");
                }
            }
            return out;
        }

        private LinkConfig link(String id, CaspianConfig.LinkSection l, Dialect dialect,
                String institutionId, String at, long responseTimeoutMs)
                throws ConfigException {
            require(l != null, at, "is missing");
            LinkRole role = switch (String.valueOf(l.role())) {
                case "listen" -> LinkRole.LISTEN;
                case "connect" -> LinkRole.CONNECT;
                default -> throw fail(at + ".role", "must be listen or connect");
            };
            LengthHeader header = LengthHeader.fromCode(String.valueOf(l.framing()));
            require(header != null && header != LengthHeader.NONE, at + ".framing",
                    "must be binary2 or ascii4");
            int max = l.frameLengthMax() == 0 ? header.limit() : l.frameLengthMax();
            require(max >= 64 && max <= header.limit(), at + ".frameLengthMax",
                    "must be 64.." + header.limit() + " for " + header.code());
            require(l.echoIntervalMs() == 0 || l.echoIntervalMs() > responseTimeoutMs,
                    at + ".echoIntervalMs", "must be 0 (off) or longer than responseTimeoutMs");
            try {
                return new LinkConfig(id, role, l.host() == null ? "127.0.0.1" : l.host(),
                        l.port(), Math.max(1, l.connections()), dialect,
                        new FrameSpec(header, l.tpdu(), max),
                        Duration.ofMillis(l.echoIntervalMs()), l.signOnRequired(),
                        Duration.ofMillis(Math.max(50, l.reconnectMinMs())),
                        Duration.ofMillis(Math.max(Math.max(50, l.reconnectMinMs()),
                                l.reconnectMaxMs())),
                        l.outboundQueueMax() <= 0 ? 10_000 : l.outboundQueueMax(),
                        tls(l.tls(), at + ".tls"), institutionId);
            } catch (IllegalArgumentException e) {
                throw fail(at, e.getMessage());
            }
        }

        private LinkConfig.TlsConfig tls(CaspianConfig.TlsSection t, String at)
                throws ConfigException {
            if (t == null) {
                return null;
            }
            for (String[] f : new String[][] {{"certificateChain", t.certificateChain()},
                {"privateKey", t.privateKey()}, {"trusted", t.trusted()}}) {
                require(f[1] != null && Files.isReadable(Path.of(f[1])),
                        at + "." + f[0], "must name a readable PEM file");
            }
            return new LinkConfig.TlsConfig(t.certificateChain(), t.privateKey(), t.trusted());
        }

        private RateTable rates(CaspianConfig c) throws ConfigException {
            List<Rate> rates = new ArrayList<>();
            int i = 0;
            for (CaspianConfig.RateEntry r : c.rates() == null
                    ? List.<CaspianConfig.RateEntry>of() : c.rates()) {
                String at = "rates[" + i++ + "]";
                try {
                    rates.add(new Rate(r.from(), r.to(), new BigDecimal(r.rate()),
                            r.effectiveFrom() == null ? Instant.EPOCH
                                    : Instant.parse(r.effectiveFrom())));
                } catch (RuntimeException e) {
                    throw fail(at, "needs from, to, a positive decimal rate and an ISO instant"
                            + " effectiveFrom");
                }
            }
            return new RateTable(rates, c.markupBasisPoints() == null ? Map.of()
                    : c.markupBasisPoints());
        }

        private StoreConfig store(CaspianConfig.StoreSection s) throws ConfigException {
            require(s != null && s.jdbcUrl() != null, "store.jdbcUrl", "is missing");
            try {
                StoreConfig base = "embedded".equals(s.jdbcUrl())
                        ? StoreConfig.embedded(Path.of(s.dataDir() == null ? "data"
                                : s.dataDir()))
                        : StoreConfig.defaults(s.jdbcUrl(), s.username(), s.password());
                require(s.journalFsync() == null || base.journalDir() != null,
                        "store.journalFsync", "is for the embedded store (jdbcUrl: embedded)");
                boolean fsync = s.journalFsync() != null && s.journalFsync();
                return new StoreConfig(base.jdbcUrl(), base.username(), base.password(),
                        base.poolSizeMax(), base.connectionTimeoutMs(),
                        base.queryTimeoutSeconds(), s.groupCommitWindowMicros() > 0
                        ? s.groupCommitWindowMicros() : base.groupCommitWindowMicros(),
                        s.groupCommitBatchMax() > 0 ? s.groupCommitBatchMax()
                                : base.groupCommitBatchMax(), base.submitQueueMax(),
                        base.reconnectProbeIntervalMs(), base.journalDir(), fsync);
            } catch (IllegalArgumentException e) {
                throw fail("store", e.getMessage());
            }
        }

        private Dialect dialect(String name, String at) throws ConfigException {
            try {
                return Dialects.resolve(String.valueOf(name));
            } catch (DialectException e) {
                throw fail(at, e.getMessage());
            }
        }

        private void require(boolean ok, String path, String reason) throws ConfigException {
            if (!ok) {
                throw fail(path, reason);
            }
        }

        private ConfigException fail(String path, String reason) {
            return new ConfigException(source, path, reason);
        }
    }
}
