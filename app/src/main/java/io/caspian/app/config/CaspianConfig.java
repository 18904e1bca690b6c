package io.caspian.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The whole configuration (docs/configuration.md). Limits carry their unit in their name.
 *
 * @param switchSettings switch-wide limits
 * @param store where the transaction record lives
 * @param hsm where the software HSM keeps its keys
 * @param rates conversion rates
 * @param markupBasisPoints markup per direction, e.g. {@code RUB>IRR: 100}
 * @param schemes scheme id to its settings
 * @param clearing cut-over, fees, settlement and disputes (optional)
 * @param http the console's HTTP port (API, metrics, health, web console); absent: none
 * @param users who may use the console, with role and password hash
 */
public record CaspianConfig(@JsonProperty("switch") SwitchSection switchSettings, StoreSection store, HsmSection hsm,
        List<RateEntry> rates, Map<String, Integer> markupBasisPoints,
        Map<String, SchemeSection> schemes, ClearingSection clearing, HttpSection http,
        List<UserSection> users) {

    /**
     * The console's port; {@code sessionTtlMs} 0 means the default (30 minutes);
     * {@code recordMessages} (default true) keeps every message, masked, for the traces;
     * {@code tls}, when present, serves HTTPS only.
     */
    public record HttpSection(String host, int port, long sessionTtlMs,
            Boolean recordMessages, HttpTlsSection tls) {
    }

    /** The console's certificate chain and private key: PEM files. */
    public record HttpTlsSection(String certificateChain, String privateKey) {
    }

    /** A console user: {@code passwordHash} from {@code caspian console hash-password}. */
    public record UserSection(String name, String role, String passwordHash) {
    }

    /** Switch-wide limits; {@code queueWaitMaxMs} absent means the default. */
    public record SwitchSection(long duplicateWindowMs, long safRetryMs, int inFlightMax,
            Long queueWaitMaxMs, int ioThreads) {
    }

    /** The store: {@code jdbcUrl: embedded} means an H2 file under {@code dataDir}. */
    public record StoreSection(String jdbcUrl, String username, String password,
            String dataDir, long groupCommitWindowMicros, int groupCommitBatchMax,
            Boolean journalFsync) {
    }

    /** The software HSM's key store directory and LMK file. */
    public record HsmSection(String store, String lmk, String panDataKey, String panHashKey) {
    }

    /** One rate: units of {@code to} per unit of {@code from}, from a moment on. */
    public record RateEntry(String from, String to, String rate, String effectiveFrom) {
    }

    /** One scheme. */
    public record SchemeSection(String dialect, String conventions, String codes,
            String currency, String institutionId, String zonePinKey, String zoneMasterKey,
            int pinBlockFormat,
            long responseTimeoutMs, String timeZone, List<String> iin, List<String> channels,
            StandInSection standIn, LinkSection link, MacSection mac,
            ScreeningSection screening, SettlementSection settlement) {
    }

    /** The link's MAC: HSM key id and ISO 9797-1 / CMAC algorithm. */
    public record MacSection(String key, String algorithm) {
    }

    /** Screening of the scheme's cards used abroad, and their velocity limits. */
    public record ScreeningSection(List<String> blockedIin, List<String> blockedCardHashes,
            List<String> blockedMcc, List<String> blockedCountries, int dailyCountMax,
            long dailyAmountMaxMinor) {
    }

    /** The scheme's prefunded position and how far below zero it may go. */
    public record SettlementSection(long prefundedMinor, long netDebitCapMinor) {
    }

    /** Stand-in rules, amounts in the scheme's minor units. */
    public record StandInSection(boolean enabled, long amountMaxMinor, int dailyCountMax,
            long dailyAmountMaxMinor, List<String> types, List<String> channels) {
    }

    /** The scheme's link. */
    public record LinkSection(String role, String host, int port, int connections,
            String framing, boolean tpdu, int frameLengthMax, long echoIntervalMs,
            boolean signOnRequired, long reconnectMinMs, long reconnectMaxMs,
            int outboundQueueMax, TlsSection tls) {
    }

    /** TLS 1.3 with mutual authentication: PEM files. */
    public record TlsSection(String certificateChain, String privateKey, String trusted) {
    }

    /**
     * Clearing and settlement (docs/clearing.md). Amounts in minor units of the acquirer
     * scheme's currency; percentages as decimal text.
     */
    public record ClearingSection(String outputDir, Map<String, String> cutOver,
            String settlementCurrency, Map<String, String> settlementRates,
            Map<String, List<String>> mccGroups, List<InterchangeEntry> interchange,
            List<SwitchFeeEntry> switchFees, DisputeSection disputes) {
    }

    /** One interchange rule. */
    public record InterchangeEntry(String acquirer, List<String> types, String mccGroup,
            String percent, long fixedMinor, String paidBy, String effectiveFrom) {
    }

    /** Caspian's fee on one acquirer scheme's transactions. */
    public record SwitchFeeEntry(String acquirer, String percent, long fixedMinor,
            String effectiveFrom) {
    }

    /** Days to raise a chargeback, and to answer each stage. */
    public record DisputeSection(int chargebackDays, int responseDays) {
    }
}
