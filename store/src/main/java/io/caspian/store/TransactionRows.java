package io.caspian.store;

import io.caspian.store.pan.PanHash;
import io.caspian.store.pan.ProtectedPan;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.UUID;

/** {@code card_transaction} rows to and from {@link TransactionRecord}. */
final class TransactionRows {
    static final String COLUMNS = "id, created_at, updated_at, acquirer_scheme, issuer_scheme,"
            + " channel, mti, processing_code, pan_ciphertext, pan_key_id, pan_hash, pan_first6,"
            + " pan_last4, acquirer_amount_minor, acquirer_currency, acquirer_currency_exponent,"
            + " issuer_amount_minor, issuer_currency, issuer_currency_exponent,"
            + " billing_amount_minor, billing_currency, billing_currency_exponent,"
            + " conversion_rate, acquirer_stan, acquirer_rrn, acquirer_terminal_id,"
            + " acquirer_merchant_id, merchant_category_code, acquirer_institution_id,"
            + " acquirer_transmission_time, issuer_stan, issuer_rrn, business_date, state,"
            + " state_seq, response_code, issuer_response_code, auth_code, stood_in,"
            + " original_id, interchange_fee_minor, switch_fee_minor, fee_currency,"
            + " advice_stan, advice_sent_at";
    static final int COLUMN_COUNT = 45;

    // The insert is a no-op when the id exists, so a replay after a crash adds no row; the
    // caller then compares identities (WriteApplier) to tell a replay from a reused id.
    static final String INSERT = "INSERT INTO card_transaction (" + COLUMNS + ") VALUES ("
            + "?, ".repeat(COLUMN_COUNT - 1) + "?) ON CONFLICT DO NOTHING";

    static final String SELECT = "SELECT " + COLUMNS + " FROM card_transaction";

    private TransactionRows() {
    }

    static void bindInsert(PreparedStatement s, TransactionRecord t) throws SQLException {
        bindInsert(s, t, t.createdAt(), 1);
    }

    /**
     * Binds a row that may already have moved on from its first state (a planned insert
     * with its transitions folded in): last changed at {@code updatedAt}, with
     * {@code stateSeq} history entries.
     */
    static void bindInsert(PreparedStatement s, TransactionRecord t, Instant updatedAt,
            int stateSeq) throws SQLException {
        int i = 0;
        s.setObject(++i, t.id());
        Jdbc.setInstant(s, ++i, t.createdAt());
        Jdbc.setInstant(s, ++i, updatedAt);
        s.setString(++i, t.acquirerScheme());
        s.setString(++i, t.issuerScheme());
        s.setString(++i, t.channel().name());
        s.setString(++i, t.mti());
        s.setString(++i, t.processingCode());
        ProtectedPan pan = t.pan();
        s.setBytes(++i, pan.ciphertext());
        s.setString(++i, pan.keyId());
        s.setBytes(++i, pan.hash().bytes());
        s.setString(++i, pan.first6());
        s.setString(++i, pan.last4());
        i = bindAmount(s, i, t.acquirerAmount());
        i = bindAmount(s, i, t.issuerAmount());
        i = bindAmount(s, i, t.billingAmount());
        s.setBigDecimal(++i, t.conversionRate());
        AcquirerReference a = t.acquirer();
        s.setString(++i, a.stan());
        s.setString(++i, a.rrn());
        s.setString(++i, a.terminalId());
        s.setString(++i, a.merchantId());
        s.setString(++i, a.merchantCategoryCode());
        s.setString(++i, a.institutionId());
        s.setString(++i, a.transmissionTime());
        s.setString(++i, t.issuer() == null ? null : t.issuer().stan());
        s.setString(++i, t.issuer() == null ? null : t.issuer().rrn());
        s.setObject(++i, t.businessDate());
        s.setString(++i, t.state().name());
        s.setInt(++i, stateSeq);
        s.setString(++i, t.responseCode());
        s.setString(++i, t.issuerResponseCode());
        s.setString(++i, t.authCode());
        s.setBoolean(++i, t.stoodIn());
        if (t.originalId() == null) {
            s.setNull(++i, Types.OTHER);
        } else {
            s.setObject(++i, t.originalId());
        }
        Jdbc.setLong(s, ++i, t.fees().interchangeFeeMinor());
        Jdbc.setLong(s, ++i, t.fees().switchFeeMinor());
        Jdbc.setShort(s, ++i, t.fees().currency());
        s.setString(++i, t.advice() == null ? null : t.advice().stan());
        Jdbc.setInstant(s, ++i, t.advice() == null ? null : t.advice().sentAt());
        Invariants.check(i == COLUMN_COUNT, "bound " + i + " of " + COLUMN_COUNT + " columns");
    }

    /** Binds an amount's three columns, or three nulls; returns the last index bound. */
    static int bindAmount(PreparedStatement s, int last, Amount amount) throws SQLException {
        int i = last;
        Jdbc.setLong(s, ++i, amount == null ? null : amount.minor());
        Jdbc.setShort(s, ++i, amount == null ? null : amount.currency());
        Jdbc.setShort(s, ++i, amount == null ? null : amount.exponent());
        return i;
    }

    static TransactionRecord map(ResultSet r) throws SQLException {
        ProtectedPan pan = new ProtectedPan(r.getBytes("pan_ciphertext"),
                r.getString("pan_key_id"), PanHash.of(r.getBytes("pan_hash")),
                r.getString("pan_first6"), r.getString("pan_last4"));
        AcquirerReference acquirer = new AcquirerReference(r.getString("acquirer_stan"),
                r.getString("acquirer_rrn"), r.getString("acquirer_terminal_id"),
                r.getString("acquirer_merchant_id"), r.getString("merchant_category_code"),
                r.getString("acquirer_institution_id"),
                r.getString("acquirer_transmission_time"));
        String issuerStan = r.getString("issuer_stan");
        IssuerReference issuer = issuerStan == null
                ? null : new IssuerReference(issuerStan, r.getString("issuer_rrn"));
        Fees fees = new Fees(Jdbc.getLong(r, "interchange_fee_minor"),
                Jdbc.getLong(r, "switch_fee_minor"), Jdbc.getInt(r, "fee_currency"));
        return new TransactionRecord(r.getObject("id", UUID.class),
                Jdbc.getInstant(r, "created_at"), r.getString("acquirer_scheme"),
                r.getString("issuer_scheme"), Channel.valueOf(r.getString("channel")),
                r.getString("mti"), r.getString("processing_code"), pan,
                amount(r, "acquirer"), amount(r, "issuer"), amount(r, "billing"),
                r.getBigDecimal("conversion_rate"), acquirer, issuer,
                r.getObject("business_date", java.time.LocalDate.class),
                TransactionState.valueOf(r.getString("state")), r.getString("response_code"),
                r.getString("issuer_response_code"), r.getString("auth_code"),
                r.getBoolean("stood_in"), r.getObject("original_id", UUID.class), fees,
                advice(r));
    }

    private static AdviceReference advice(ResultSet r) throws SQLException {
        String stan = r.getString("advice_stan");
        return stan == null ? null
                : new AdviceReference(stan, Jdbc.getInstant(r, "advice_sent_at"));
    }

    private static Amount amount(ResultSet r, String side) throws SQLException {
        Long minor = Jdbc.getLong(r, side + "_amount_minor");
        if (minor == null) {
            return null;
        }
        return new Amount(minor, r.getInt(side + "_currency"),
                r.getInt(side + "_currency_exponent"));
    }
}
