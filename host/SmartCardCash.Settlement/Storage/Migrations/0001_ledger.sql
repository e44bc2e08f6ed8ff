-- The ledger (docs/bank.md): accounts with their balances, and immutable transfers. Written in SQL that SQLite and
-- PostgreSQL both accept. The CHECKs repeat in the database what the ledger's code enforces, as a last line: no
-- write, from any code, can leave a negative total, an overdrawn flagged account or a pending transfer resolved twice.

CREATE TABLE accounts (
    id               TEXT   NOT NULL PRIMARY KEY,
    currency         TEXT   NOT NULL,
    kind             TEXT   NOT NULL,
    flags            BIGINT NOT NULL CHECK (flags BETWEEN 0 AND 2),
    fee_basis_points BIGINT NULL CHECK (fee_basis_points BETWEEN 0 AND 10000),
    fee_fixed        BIGINT NULL CHECK (fee_fixed >= 0),
    debits_pending   BIGINT NOT NULL DEFAULT 0,
    debits_posted    BIGINT NOT NULL DEFAULT 0,
    credits_pending  BIGINT NOT NULL DEFAULT 0,
    credits_posted   BIGINT NOT NULL DEFAULT 0,
    created_at       TEXT   NOT NULL,
    CHECK (debits_pending >= 0 AND debits_posted >= 0 AND credits_pending >= 0 AND credits_posted >= 0),
    CHECK ((flags & 1) = 0 OR debits_pending + debits_posted <= credits_posted),
    CHECK ((flags & 2) = 0 OR credits_pending + credits_posted <= debits_posted),
    CHECK ((fee_basis_points IS NULL) = (fee_fixed IS NULL))
);

CREATE TABLE transfers (
    id                TEXT   NOT NULL PRIMARY KEY,
    phase             TEXT   NOT NULL CHECK (phase IN ('Single', 'Pending', 'Post', 'Void')),
    debit_account_id  TEXT   NOT NULL REFERENCES accounts (id),
    credit_account_id TEXT   NOT NULL REFERENCES accounts (id),
    amount            BIGINT NOT NULL CHECK (amount > 0),
    currency          TEXT   NOT NULL,
    code              TEXT   NOT NULL,
    -- A post or void names the pending transfer it resolves; UNIQUE: it is resolved at most once.
    pending_id        TEXT   NULL UNIQUE REFERENCES transfers (id),
    reference         TEXT   NULL,
    chain_id          TEXT   NOT NULL,
    chain_index       BIGINT NOT NULL,
    created_at        TEXT   NOT NULL,
    CHECK (debit_account_id <> credit_account_id),
    CHECK ((pending_id IS NULL) = (phase IN ('Single', 'Pending')))
);

CREATE INDEX transfers_by_debit_account ON transfers (debit_account_id);
CREATE INDEX transfers_by_credit_account ON transfers (credit_account_id);
CREATE INDEX transfers_by_chain ON transfers (chain_id);
