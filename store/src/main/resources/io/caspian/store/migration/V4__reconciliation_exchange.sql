-- Caspian system of record, version 4: reconciliation messages with the schemes.
-- Same rules as V1: SQL both PostgreSQL 15+ and H2 (PostgreSQL mode) accept.
-- docs/clearing.md ("Reconciliation messages") documents the columns.

-- One row per exchange of totals with a scheme for a closed business date (0500/0510, or
-- 2520/2530 in the 2003-style model). Counts and minor units of the scheme's currency;
-- "ours" is what Caspian's clearing holds, "theirs" what the scheme answered (null when it
-- did not answer). A date may be exchanged more than once; the latest row is the outcome.
CREATE TABLE recon_exchange (
    id                          UUID        NOT NULL,
    scheme                      VARCHAR(16) NOT NULL,
    business_date               DATE        NOT NULL,
    exchanged_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome                     VARCHAR(16) NOT NULL,
    currency                    SMALLINT    NOT NULL,
    our_debits                  BIGINT      NOT NULL,
    our_debits_minor            BIGINT      NOT NULL,
    our_debit_reversals         BIGINT      NOT NULL,
    our_debit_reversals_minor   BIGINT      NOT NULL,
    our_credits                 BIGINT      NOT NULL,
    our_credits_minor           BIGINT      NOT NULL,
    our_credit_reversals        BIGINT      NOT NULL,
    our_credit_reversals_minor  BIGINT      NOT NULL,
    their_debits                BIGINT,
    their_debits_minor          BIGINT,
    their_debit_reversals       BIGINT,
    their_debit_reversals_minor BIGINT,
    their_credits               BIGINT,
    their_credits_minor         BIGINT,
    their_credit_reversals      BIGINT,
    their_credit_reversals_minor BIGINT,
    difference_count            INTEGER     NOT NULL,
    differences                 VARCHAR(20000) NOT NULL,
    CONSTRAINT recon_exchange_pk PRIMARY KEY (id),
    CONSTRAINT recon_exchange_outcome_ck
        CHECK (outcome IN ('IN_BALANCE', 'OUT_OF_BALANCE', 'NO_ANSWER'))
);

CREATE INDEX recon_exchange_date_idx ON recon_exchange (scheme, business_date, exchanged_at);
