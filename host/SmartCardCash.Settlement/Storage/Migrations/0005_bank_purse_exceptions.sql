-- How many records a bank purse's exception log holds, as its image says, written with the image: a purse whose log
-- is not empty is not lent to a payment (a full log refuses every transfer; a record waits for the archive).
ALTER TABLE bank_purses ADD COLUMN exception_records BIGINT NOT NULL DEFAULT 0 CHECK (exception_records >= 0);
