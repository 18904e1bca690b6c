-- Version 3: the messages themselves, for the console's trace of one transaction.
-- Each row is one message as it crossed a link, already masked by the dialect's field
-- sensitivity (iso8583 MaskedDump): never a clear PAN, PIN block, track data or key
-- (DESIGN.md I5). Rows are found by the link and the trace numbers the transaction row
-- keeps (acquirer STAN/RRN on the acquirer link, issuer STAN/RRN on the issuer link).
CREATE TABLE message_record (
    id            UUID          NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    link          VARCHAR(16)   NOT NULL,
    direction     VARCHAR(3)    NOT NULL,
    mti           VARCHAR(4)    NOT NULL,
    stan          VARCHAR(12),
    rrn           VARCHAR(12),
    response_code VARCHAR(4),
    masked_dump   VARCHAR(4000) NOT NULL,
    CONSTRAINT message_record_pk PRIMARY KEY (id),
    CONSTRAINT message_record_direction_ck CHECK (direction IN ('IN', 'OUT'))
);

CREATE INDEX message_record_stan_idx ON message_record (link, stan, recorded_at);
CREATE INDEX message_record_rrn_idx ON message_record (link, rrn, recorded_at);
