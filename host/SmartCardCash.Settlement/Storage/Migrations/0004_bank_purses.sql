-- Bank purses, loads and deposits (docs/bank.md, "Bank purses, loads and deposits"). A bank purse is an emulated purse
-- whose whole card image lives in its row; the APDU that changes the image and the ledger postings it causes commit in
-- one transaction. busy_with names the load or deposit the purse serves (UNIQUE: a payment holds one purse at most).

CREATE TABLE bank_purses (
    id          TEXT   NOT NULL PRIMARY KEY,
    currency    TEXT   NOT NULL,
    image       BYTEA  NOT NULL,
    balance     BIGINT NOT NULL CHECK (balance >= 0),
    state       TEXT   NOT NULL CHECK (state IN ('Idle', 'ExpectingReq', 'ExpectingVal', 'ExpectingAck')),
    busy_with   TEXT   NULL UNIQUE,
    busy_since  TEXT   NULL,
    created_at  TEXT   NOT NULL,
    updated_at  TEXT   NOT NULL,
    CHECK ((busy_with IS NULL) = (busy_since IS NULL))
);

CREATE INDEX bank_purses_by_currency ON bank_purses (currency, id);

CREATE TABLE loads (
    id             TEXT   NOT NULL PRIMARY KEY,
    account_id     TEXT   NOT NULL REFERENCES accounts (id),
    payee_purse_id TEXT   NOT NULL,
    currency       TEXT   NOT NULL,
    amount         BIGINT NOT NULL CHECK (amount > 0),
    bank_purse_id  TEXT   NOT NULL REFERENCES bank_purses (id),
    state          TEXT   NOT NULL CHECK (state IN ('Authorised', 'Debited', 'Completed', 'Cancelled', 'ValueLogged')),
    created_at     TEXT   NOT NULL,
    updated_at     TEXT   NOT NULL
);

CREATE TABLE deposits (
    id                  TEXT   NOT NULL PRIMARY KEY,
    merchant_account_id TEXT   NOT NULL REFERENCES accounts (id),
    merchant_purse_id   TEXT   NOT NULL,
    currency            TEXT   NOT NULL,
    bank_purse_id       TEXT   NOT NULL REFERENCES bank_purses (id),
    state               TEXT   NOT NULL CHECK (state IN ('Open', 'Credited', 'Cancelled', 'ValueLogged')),
    amount              BIGINT NULL CHECK (amount > 0),
    payer_sequence      BIGINT NULL,
    created_at          TEXT   NOT NULL,
    updated_at          TEXT   NOT NULL,
    CHECK ((state = 'Credited') = (amount IS NOT NULL))
);
