package io.caspian.store;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.List;

/**
 * All transitions of one plan level in one PostgreSQL statement: the guarded updates and
 * their history rows, for any number of transactions, with one SQL text.
 *
 * <pre>
 * v       = the writes as parallel arrays, unnested, numbered by ORDINALITY
 * moved   = UPDATE card_transaction ... FROM v WHERE id = v.id AND state = v.from_state
 *           RETURNING the new state_seq
 * history = INSERT INTO transaction_state_change ... FROM moved
 * result  = the numbers of the writes that moved their row
 * </pre>
 *
 * <p>Each write sets the same columns as {@link TransitionWriter}; a JDBC batch of those
 * statements costs the database one execution per write plus one per history row, which
 * was the biggest share of a batch. Ids within one level are distinct ({@link WritePlan}),
 * so no row is matched twice. Arrays travel as text and are cast by the database, so the
 * text forms are PostgreSQL's input syntax: ISO 8601 instants, plain decimals.
 */
final class PostgresTransitions {
    private static final String[] ARRAY_TYPES = {"uuid", "text", "text", "text", "timestamptz",
            "int8", "int2", "int2", "int8", "int2", "int2", "numeric", "text", "text", "text",
            "text", "text", "bool", "text", "timestamptz"};

    static final String SQL = "WITH v AS (SELECT * FROM unnest("
            + unnestArguments() + ") WITH ORDINALITY AS v(id, from_state, to_state, cause, at,"
            + " issuer_amount_minor, issuer_currency, issuer_currency_exponent,"
            + " billing_amount_minor, billing_currency, billing_currency_exponent,"
            + " conversion_rate, issuer_stan, issuer_rrn, response_code,"
            + " issuer_response_code, auth_code, stood_in, advice_stan, advice_sent_at, ord)),"
            + " moved AS (UPDATE card_transaction c SET state = v.to_state,"
            + " state_seq = c.state_seq + 1, updated_at = v.at"
            + coalesced("issuer_amount_minor", "issuer_currency", "issuer_currency_exponent",
                    "billing_amount_minor", "billing_currency", "billing_currency_exponent",
                    "conversion_rate", "issuer_stan", "issuer_rrn", "response_code",
                    "issuer_response_code", "auth_code", "stood_in", "advice_stan",
                    "advice_sent_at")
            + " FROM v WHERE c.id = v.id AND c.state = v.from_state"
            + " RETURNING c.id, c.state_seq, v.from_state, v.to_state, v.cause, v.at, v.ord),"
            + " history AS (INSERT INTO transaction_state_change"
            + " (transaction_id, seq, from_state, to_state, cause, changed_at)"
            + " SELECT id, state_seq, from_state, to_state, cause, at FROM moved)"
            + " SELECT ord FROM moved";

    private PostgresTransitions() {
    }

    /** @return per write, whether it moved its row (else it is a replay or a conflict) */
    static boolean[] apply(Statements statements, List<StoreWrite.Transition> writes)
            throws SQLException {
        String[][] columns = new String[ARRAY_TYPES.length][writes.size()];
        for (int i = 0; i < writes.size(); i++) {
            String[] row = row(writes.get(i));
            for (int c = 0; c < row.length; c++) {
                columns[c][i] = row[c];
            }
        }
        PreparedStatement s = statements.get(SQL);
        for (int c = 0; c < columns.length; c++) {
            Array array = statements.connection().createArrayOf("text", columns[c]);
            s.setArray(c + 1, array);
        }
        boolean[] moved = new boolean[writes.size()];
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                int index = (int) r.getLong(1) - 1;
                Invariants.check(!moved[index], "transition " + index + " moved twice");
                moved[index] = true;
            }
        }
        return moved;
    }

    private static String[] row(StoreWrite.Transition w) {
        TransitionFields f = w.fields();
        Amount issuer = f.issuerAmount();
        Amount billing = f.billingAmount();
        return new String[] {w.transactionId().toString(), w.from().name(), w.to().name(),
                w.cause(), w.at().atOffset(ZoneOffset.UTC).toString(),
                issuer == null ? null : Long.toString(issuer.minor()),
                issuer == null ? null : Integer.toString(issuer.currency()),
                issuer == null ? null : Integer.toString(issuer.exponent()),
                billing == null ? null : Long.toString(billing.minor()),
                billing == null ? null : Integer.toString(billing.currency()),
                billing == null ? null : Integer.toString(billing.exponent()),
                f.conversionRate() == null ? null : f.conversionRate().toPlainString(),
                f.issuer() == null ? null : f.issuer().stan(),
                f.issuer() == null ? null : f.issuer().rrn(), f.responseCode(),
                f.issuerResponseCode(), f.authCode(),
                f.stoodIn() == null ? null : f.stoodIn().toString(),
                f.advice() == null ? null : f.advice().stan(),
                f.advice() == null ? null
                        : f.advice().sentAt().atOffset(ZoneOffset.UTC).toString()};
    }

    private static String unnestArguments() {
        StringBuilder b = new StringBuilder();
        for (String type : ARRAY_TYPES) {
            b.append(b.length() == 0 ? "" : ", ").append("CAST(? AS ").append(type)
                    .append("[])");
        }
        return b.toString();
    }

    private static String coalesced(String... columns) {
        StringBuilder b = new StringBuilder();
        for (String column : columns) {
            b.append(", ").append(column).append(" = COALESCE(v.").append(column)
                    .append(", c.").append(column).append(')');
        }
        return b.toString();
    }
}
