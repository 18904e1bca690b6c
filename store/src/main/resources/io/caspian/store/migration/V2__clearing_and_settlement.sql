-- Caspian system of record, version 2: clearing, disputes and settlement.
-- Same rules as V1: SQL both PostgreSQL 15+ and H2 (PostgreSQL mode) accept.
-- docs/store.md and docs/clearing.md document every table and column.

-- One row per clearing file sent: a scheme's file of one business date. Written once, in
-- the same database transaction as its items; a rerun rebuilds the file from these rows
-- and must reproduce the recorded digest byte for byte.
CREATE TABLE clearing_file (
    scheme         VARCHAR(16)  NOT NULL,
    business_date  DATE         NOT NULL,
    file_name      VARCHAR(128) NOT NULL,
    record_count   INTEGER      NOT NULL,
    sha256         CHAR(64)     NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT clearing_file_pk PRIMARY KEY (scheme, business_date),
    CONSTRAINT clearing_file_count_ck CHECK (record_count >= 0)
);

-- What went into each file, in record order. The primary key makes an item (a transaction
-- or a dispute stage) clear at most once per scheme (DESIGN.md I3).
CREATE TABLE clearing_item (
    scheme                 VARCHAR(16) NOT NULL,
    item_id                UUID        NOT NULL,
    business_date          DATE        NOT NULL,
    record_seq             INTEGER     NOT NULL,
    kind                   VARCHAR(24) NOT NULL,
    interchange_fee_minor  BIGINT      NOT NULL,
    switch_fee_minor       BIGINT      NOT NULL,
    fee_currency           SMALLINT    NOT NULL,
    CONSTRAINT clearing_item_pk PRIMARY KEY (scheme, item_id),
    CONSTRAINT clearing_item_file_fk FOREIGN KEY (scheme, business_date)
        REFERENCES clearing_file (scheme, business_date)
);

CREATE INDEX clearing_item_file_idx ON clearing_item (scheme, business_date, record_seq);

-- Chargebacks, representments and second chargebacks against an approved original.
CREATE TABLE dispute (
    id                     UUID         NOT NULL,
    original_id            UUID         NOT NULL,
    stage                  VARCHAR(24)  NOT NULL,
    reason_code            VARCHAR(4)   NOT NULL,
    amount_minor           BIGINT       NOT NULL,
    currency               SMALLINT     NOT NULL,
    currency_exponent      SMALLINT     NOT NULL,
    issuer_amount_minor    BIGINT       NOT NULL,
    issuer_currency        SMALLINT     NOT NULL,
    issuer_currency_exponent SMALLINT   NOT NULL,
    business_date          DATE         NOT NULL,
    raised_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    respond_by             DATE         NOT NULL,
    operator               VARCHAR(64)  NOT NULL,
    note                   VARCHAR(200) NOT NULL,
    CONSTRAINT dispute_pk PRIMARY KEY (id),
    CONSTRAINT dispute_original_fk FOREIGN KEY (original_id) REFERENCES card_transaction (id),
    CONSTRAINT dispute_amount_ck CHECK (amount_minor > 0 AND issuer_amount_minor >= 0),
    CONSTRAINT dispute_stage_uq UNIQUE (original_id, stage)
);

CREATE INDEX dispute_date_idx ON dispute (business_date);

-- Net settlement of one business date: each participant's position per currency.
CREATE TABLE settlement_position (
    business_date      DATE        NOT NULL,
    participant        VARCHAR(16) NOT NULL,
    currency           SMALLINT    NOT NULL,
    currency_exponent  SMALLINT    NOT NULL,
    transactions_minor BIGINT      NOT NULL,
    interchange_minor  BIGINT      NOT NULL,
    switch_fee_minor   BIGINT      NOT NULL,
    net_minor          BIGINT      NOT NULL,
    settled_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT settlement_position_pk PRIMARY KEY (business_date, participant, currency)
);

-- What settlement of a date puts back into a scheme's prefunded position (its cardholders'
-- net spending abroad, paid), for the switch's real-time net debit cap to pick up.
CREATE TABLE prefund_credit (
    scheme         VARCHAR(16) NOT NULL,
    business_date  DATE        NOT NULL,
    amount_minor   BIGINT      NOT NULL,
    currency       SMALLINT    NOT NULL,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    applied_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT prefund_credit_pk PRIMARY KEY (scheme, business_date)
);
