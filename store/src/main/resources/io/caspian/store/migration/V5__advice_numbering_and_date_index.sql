-- Caspian system of record, version 5.
-- A stand-in approval made after the issuer timed out reaches the issuer as an advice with
-- a STAN of its own (the request's numbering names the request, which is reversed). An
-- acquirer's reversal of that approval must name the advice, also after a restart, and the
-- advice's repeats keep its numbering: so the row keeps the advice's STAN and transmission
-- time (DE 11 and DE 7). Null for every other transaction.
ALTER TABLE card_transaction ADD COLUMN advice_stan VARCHAR(12);
ALTER TABLE card_transaction ADD COLUMN advice_sent_at TIMESTAMP WITH TIME ZONE;

-- Every UPDATE of a card_transaction row re-adds the row to each of its indexes (H2
-- always; PostgreSQL too, since the indexed state column changes), and a commit writes
-- every index page it touched. (business_date, pan_hash) put each new row at a random place
-- (pan_hash is a keyed hash), so each request dirtied another page of it in both of its
-- commits. Keyed by the business date alone, new rows go to the end. Per-card daily
-- look-ups use card_transaction_pan_idx (pan_hash first); clearing reads whole dates.
DROP INDEX card_transaction_counter_idx;
CREATE INDEX card_transaction_date_idx ON card_transaction (business_date);
