-- Caspian system of record, version 1.
-- Written once for both PostgreSQL 15+ and H2 in PostgreSQL mode: only types and syntax
-- both accept (no SERIAL or sequences, no partial indexes, no triggers, no advisory locks).
-- docs/store.md documents every table and column.

-- One row per transaction the switch received, reversal and advice rows included.
-- Never holds a clear PAN, a PIN block, a CVV or a key (DESIGN.md I5).
CREATE TABLE card_transaction (
    id                          UUID         NOT NULL,
    created_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    acquirer_scheme             VARCHAR(16)  NOT NULL,
    issuer_scheme               VARCHAR(16)  NOT NULL,
    channel                     VARCHAR(16)  NOT NULL,
    mti                         CHAR(4)      NOT NULL,
    processing_code             CHAR(6)      NOT NULL,
    pan_ciphertext              BYTEA        NOT NULL,
    pan_key_id                  VARCHAR(64)  NOT NULL,
    pan_hash                    BYTEA        NOT NULL,
    pan_first6                  CHAR(6)      NOT NULL,
    pan_last4                   CHAR(4)      NOT NULL,
    acquirer_amount_minor       BIGINT       NOT NULL,
    acquirer_currency           SMALLINT     NOT NULL,
    acquirer_currency_exponent  SMALLINT     NOT NULL,
    issuer_amount_minor         BIGINT,
    issuer_currency             SMALLINT,
    issuer_currency_exponent    SMALLINT,
    billing_amount_minor        BIGINT,
    billing_currency            SMALLINT,
    billing_currency_exponent   SMALLINT,
    conversion_rate             NUMERIC(30, 15),
    acquirer_stan               VARCHAR(12)  NOT NULL,
    acquirer_rrn                VARCHAR(12),
    acquirer_terminal_id        VARCHAR(16),
    acquirer_merchant_id        VARCHAR(15),
    merchant_category_code      CHAR(4),
    acquirer_institution_id     VARCHAR(11),
    acquirer_transmission_time  VARCHAR(14)  NOT NULL,
    issuer_stan                 VARCHAR(12),
    issuer_rrn                  VARCHAR(12),
    business_date               DATE         NOT NULL,
    state                       VARCHAR(24)  NOT NULL,
    state_seq                   INTEGER      NOT NULL,
    response_code               VARCHAR(4),
    issuer_response_code        VARCHAR(4),
    auth_code                   VARCHAR(6),
    stood_in                    BOOLEAN      NOT NULL,
    original_id                 UUID,
    interchange_fee_minor       BIGINT,
    switch_fee_minor            BIGINT,
    fee_currency                SMALLINT,
    CONSTRAINT card_transaction_pk PRIMARY KEY (id),
    CONSTRAINT card_transaction_original_fk
        FOREIGN KEY (original_id) REFERENCES card_transaction (id),
    CONSTRAINT card_transaction_amount_ck CHECK (acquirer_amount_minor >= 0),
    CONSTRAINT card_transaction_first6_ck CHECK (LENGTH(pan_first6) = 6),
    CONSTRAINT card_transaction_last4_ck CHECK (LENGTH(pan_last4) = 4)
);

-- Look-ups by card (disputes, daily counters), by acquirer keys (duplicate detection,
-- customer enquiries), by our own keys (matching a late issuer response) and by state
-- (recovery on start).
CREATE INDEX card_transaction_pan_idx ON card_transaction (pan_hash, created_at);
CREATE INDEX card_transaction_counter_idx ON card_transaction (business_date, pan_hash);
CREATE INDEX card_transaction_acq_rrn_idx ON card_transaction (acquirer_scheme, acquirer_rrn);
CREATE INDEX card_transaction_acq_stan_idx
    ON card_transaction (acquirer_scheme, acquirer_stan, acquirer_transmission_time);
CREATE INDEX card_transaction_iss_stan_idx ON card_transaction (issuer_scheme, issuer_stan);
CREATE INDEX card_transaction_created_idx ON card_transaction (created_at);
CREATE INDEX card_transaction_state_idx ON card_transaction (state);
CREATE INDEX card_transaction_original_idx ON card_transaction (original_id);

-- Append-only: every state a transaction entered, with when and why. seq 1 is the state
-- the transaction was inserted with (from_state NULL).
CREATE TABLE transaction_state_change (
    transaction_id  UUID         NOT NULL,
    seq             INTEGER      NOT NULL,
    from_state      VARCHAR(24),
    to_state        VARCHAR(24)  NOT NULL,
    cause           VARCHAR(200) NOT NULL,
    changed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT transaction_state_change_pk PRIMARY KEY (transaction_id, seq),
    CONSTRAINT transaction_state_change_txn_fk
        FOREIGN KEY (transaction_id) REFERENCES card_transaction (id)
);

-- Store-and-forward: reversals and advices still owed to a scheme (DESIGN.md I2).
-- One item per transaction and kind, so a replayed enqueue cannot owe twice.
CREATE TABLE saf_item (
    transaction_id   UUID         NOT NULL,
    kind             VARCHAR(16)  NOT NULL,
    target_scheme    VARCHAR(16)  NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    message_mti      CHAR(4)      NOT NULL,
    reason_code      VARCHAR(4)   NOT NULL,
    amount_minor     BIGINT       NOT NULL,
    currency         SMALLINT     NOT NULL,
    attempts         INTEGER      NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_attempt_at  TIMESTAMP WITH TIME ZONE,
    last_error       VARCHAR(200),
    acked_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT saf_item_pk PRIMARY KEY (transaction_id, kind),
    CONSTRAINT saf_item_txn_fk FOREIGN KEY (transaction_id) REFERENCES card_transaction (id),
    CONSTRAINT saf_item_attempts_ck CHECK (attempts >= 0)
);

CREATE INDEX saf_item_due_idx ON saf_item (status, next_attempt_at);

-- The business date each scheme is in; a scheme's current date is its latest open one.
CREATE TABLE business_date (
    scheme         VARCHAR(16) NOT NULL,
    business_date  DATE        NOT NULL,
    opened_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT business_date_pk PRIMARY KEY (scheme, business_date)
);

-- Append-only: what operators did, for disputes and regulators.
CREATE TABLE audit_entry (
    id           UUID          NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    operator     VARCHAR(64)   NOT NULL,
    action       VARCHAR(64)   NOT NULL,
    subject      VARCHAR(128)  NOT NULL,
    detail       VARCHAR(1000) NOT NULL,
    CONSTRAINT audit_entry_pk PRIMARY KEY (id)
);

CREATE INDEX audit_entry_time_idx ON audit_entry (recorded_at);
