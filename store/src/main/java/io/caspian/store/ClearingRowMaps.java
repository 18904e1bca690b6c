package io.caspian.store;

import io.caspian.store.ClearingRows.BusinessDateRow;
import io.caspian.store.ClearingRows.DisputeRow;
import io.caspian.store.ClearingRows.FileRow;
import io.caspian.store.ClearingRows.ItemRow;
import io.caspian.store.ClearingRows.PositionRow;
import io.caspian.store.ClearingRows.PrefundCredit;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;

/** Clearing's rows to and from JDBC. */
final class ClearingRowMaps {
    static final String DISPUTE_COLUMNS = "d.id, d.original_id, d.stage, d.reason_code,"
            + " d.amount_minor, d.currency, d.currency_exponent, d.issuer_amount_minor,"
            + " d.issuer_currency, d.issuer_currency_exponent, d.business_date, d.raised_at,"
            + " d.respond_by, d.operator, d.note";
    static final String POSITION_COLUMNS = "business_date, participant, currency,"
            + " currency_exponent, transactions_minor, interchange_minor, switch_fee_minor,"
            + " net_minor, settled_at";

    private ClearingRowMaps() {
    }

    static FileRow file(ResultSet r) throws SQLException {
        return new FileRow(r.getString("scheme"), r.getObject("business_date", LocalDate.class),
                r.getString("file_name"), r.getInt("record_count"), r.getString("sha256"),
                Jdbc.getInstant(r, "created_at"));
    }

    static void bindFile(PreparedStatement s, FileRow f) throws SQLException {
        s.setString(1, f.scheme());
        s.setObject(2, f.businessDate());
        s.setString(3, f.fileName());
        s.setInt(4, f.recordCount());
        s.setString(5, f.sha256());
        Jdbc.setInstant(s, 6, f.createdAt());
    }

    static ItemRow item(ResultSet r) throws SQLException {
        return new ItemRow(r.getString("scheme"), r.getObject("item_id", UUID.class),
                r.getObject("business_date", LocalDate.class), r.getInt("record_seq"),
                r.getString("kind"), r.getLong("interchange_fee_minor"),
                r.getLong("switch_fee_minor"), r.getInt("fee_currency"));
    }

    static void bindItem(PreparedStatement s, ItemRow i) throws SQLException {
        s.setString(1, i.scheme());
        s.setObject(2, i.itemId());
        s.setObject(3, i.businessDate());
        s.setInt(4, i.recordSeq());
        s.setString(5, i.kind());
        s.setLong(6, i.interchangeFeeMinor());
        s.setLong(7, i.switchFeeMinor());
        s.setShort(8, (short) i.feeCurrency());
    }

    static DisputeRow dispute(ResultSet r) throws SQLException {
        return new DisputeRow(r.getObject("id", UUID.class),
                r.getObject("original_id", UUID.class), r.getString("stage"),
                r.getString("reason_code"), new Amount(r.getLong("amount_minor"),
                        r.getInt("currency"), r.getInt("currency_exponent")),
                new Amount(r.getLong("issuer_amount_minor"), r.getInt("issuer_currency"),
                        r.getInt("issuer_currency_exponent")),
                r.getObject("business_date", LocalDate.class), Jdbc.getInstant(r, "raised_at"),
                r.getObject("respond_by", LocalDate.class), r.getString("operator"),
                r.getString("note"));
    }

    static void bindDispute(PreparedStatement s, DisputeRow d) throws SQLException {
        int i = 0;
        s.setObject(++i, d.id());
        s.setObject(++i, d.originalId());
        s.setString(++i, d.stage());
        s.setString(++i, d.reasonCode());
        s.setLong(++i, d.amount().minor());
        s.setShort(++i, (short) d.amount().currency());
        s.setShort(++i, (short) d.amount().exponent());
        s.setLong(++i, d.issuerAmount().minor());
        s.setShort(++i, (short) d.issuerAmount().currency());
        s.setShort(++i, (short) d.issuerAmount().exponent());
        s.setObject(++i, d.businessDate());
        Jdbc.setInstant(s, ++i, d.raisedAt());
        s.setObject(++i, d.respondBy());
        s.setString(++i, d.operator());
        s.setString(++i, d.note());
    }

    static PositionRow position(ResultSet r) throws SQLException {
        return new PositionRow(r.getObject("business_date", LocalDate.class),
                r.getString("participant"), r.getInt("currency"), r.getInt("currency_exponent"),
                r.getLong("transactions_minor"), r.getLong("interchange_minor"),
                r.getLong("switch_fee_minor"), r.getLong("net_minor"),
                Jdbc.getInstant(r, "settled_at"));
    }

    static void bindPosition(PreparedStatement s, PositionRow p) throws SQLException {
        s.setObject(1, p.businessDate());
        s.setString(2, p.participant());
        s.setShort(3, (short) p.currency());
        s.setShort(4, (short) p.exponent());
        s.setLong(5, p.transactionsMinor());
        s.setLong(6, p.interchangeMinor());
        s.setLong(7, p.switchFeeMinor());
        s.setLong(8, p.netMinor());
        Jdbc.setInstant(s, 9, p.settledAt());
    }

    static PrefundCredit credit(ResultSet r) throws SQLException {
        return new PrefundCredit(r.getString("scheme"),
                r.getObject("business_date", LocalDate.class), r.getLong("amount_minor"),
                r.getInt("currency"), Jdbc.getInstant(r, "recorded_at"),
                Jdbc.getInstant(r, "applied_at"));
    }

    static BusinessDateRow businessDate(ResultSet r) throws SQLException {
        return new BusinessDateRow(r.getString("scheme"),
                r.getObject("business_date", LocalDate.class), Jdbc.getInstant(r, "opened_at"),
                Jdbc.getInstant(r, "closed_at"));
    }
}
