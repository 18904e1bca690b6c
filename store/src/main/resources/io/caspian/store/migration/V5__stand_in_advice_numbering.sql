-- Caspian system of record, version 5.
-- A stand-in approval made after the issuer timed out reaches the issuer as an advice with
-- a STAN of its own (the request's numbering names the request, which is reversed). An
-- acquirer's reversal of that approval must name the advice, also after a restart, and the
-- advice's repeats keep its numbering: so the row keeps the advice's STAN and transmission
-- time (DE 11 and DE 7). Null for every other transaction.
ALTER TABLE card_transaction ADD COLUMN advice_stan VARCHAR(12);
ALTER TABLE card_transaction ADD COLUMN advice_sent_at TIMESTAMP WITH TIME ZONE;
