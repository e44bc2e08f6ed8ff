-- Clearing, the bank's hotlist and the exception archive (docs/bank.md, "Clearing, hotlist and the exception archive").
-- Bytes are upper-case hex; purse IDs 16 hex digits; times ISO 8601 text, as in 0001. Natural keys are the primary
-- keys, so storing the same evidence twice is a no-op (INSERT … ON CONFLICT DO NOTHING) on both databases.

-- The purse certificates the issuer issued, one per purse, each verified against the issuer's certificate.
CREATE TABLE purse_certificates (
    purse_id      TEXT NOT NULL PRIMARY KEY,
    issuer_id     TEXT NOT NULL,
    certificate   TEXT NOT NULL,
    registered_at TEXT NOT NULL
);

-- Each payer-signed val, once per (payer, payer's sequence number): the first PD the bank cleared for that key.
CREATE TABLE cleared_vals (
    payer_purse_id TEXT   NOT NULL,
    from_seq       BIGINT NOT NULL CHECK (from_seq >= 0),
    pd             TEXT   NOT NULL UNIQUE,
    payee_purse_id TEXT   NOT NULL,
    currency       TEXT   NOT NULL,
    amount         BIGINT NOT NULL CHECK (amount > 0),
    val_signature  TEXT   NOT NULL,
    ack_signature  TEXT   NULL,
    cleared_at     TEXT   NOT NULL,
    PRIMARY KEY (payer_purse_id, from_seq)
);

-- A second, different PD the same payer signed with a sequence number already cleared: proof of a clone.
CREATE TABLE clone_evidence (
    payer_purse_id TEXT   NOT NULL,
    from_seq       BIGINT NOT NULL,
    pd             TEXT   NOT NULL,
    val_signature  TEXT   NOT NULL,
    ack_signature  TEXT   NULL,
    found_at       TEXT   NOT NULL,
    PRIMARY KEY (payer_purse_id, from_seq, pd),
    FOREIGN KEY (payer_purse_id, from_seq) REFERENCES cleared_vals (payer_purse_id, from_seq)
);

-- The bank's hotlist: one entry per purse, and the version whose content first held it.
CREATE TABLE hotlist_entries (
    purse_id TEXT   NOT NULL PRIMARY KEY,
    reason   TEXT   NOT NULL CHECK (reason IN ('Cloned', 'Reported')),
    evidence TEXT   NOT NULL,
    version  BIGINT NOT NULL,
    added_at TEXT   NOT NULL
);

-- Every version of the hotlist's content; the issuer's signed text once it was first asked for, never changed after.
CREATE TABLE hotlist_versions (
    version      BIGINT NOT NULL PRIMARY KEY CHECK (version >= 1),
    published_on TEXT   NOT NULL,
    signed_text  TEXT   NULL
);

-- Signed exception-log records, each once per (purse, reason, PD).
CREATE TABLE exception_records (
    purse_id    TEXT   NOT NULL,
    reason      BIGINT NOT NULL CHECK (reason IN (1, 2)),
    pd          TEXT   NOT NULL,
    signature   TEXT   NOT NULL,
    source      TEXT   NOT NULL,
    archived_at TEXT   NOT NULL,
    PRIMARY KEY (purse_id, reason, pd)
);

CREATE INDEX exception_records_by_pd ON exception_records (pd);

-- One row per payment a payer's 01 record reported in flight, keyed by the PD: maybe lost until the payee's 02
-- (definitely lost: refunded once, or owed while the purse has no account) or a cleared val (arrived) closes it.
CREATE TABLE lost_payments (
    pd              TEXT   NOT NULL PRIMARY KEY,
    payer_purse_id  TEXT   NOT NULL,
    payee_purse_id  TEXT   NOT NULL,
    currency        TEXT   NOT NULL,
    amount          BIGINT NOT NULL CHECK (amount > 0),
    state           TEXT   NOT NULL CHECK (state IN ('MaybeLost', 'Owed', 'Refunded', 'Arrived')),
    transfer_key    TEXT   NOT NULL UNIQUE,
    refund_account  TEXT   NULL,
    opened_at       TEXT   NOT NULL,
    closed_at       TEXT   NULL,
    CHECK ((state = 'Refunded') = (refund_account IS NOT NULL)),
    CHECK ((state IN ('MaybeLost', 'Owed')) = (closed_at IS NULL))
);

CREATE INDEX lost_payments_by_payer ON lost_payments (payer_purse_id);

-- Which account loaded a purse (anonymity revocation: operator only), for refunds.
CREATE TABLE purse_accounts (
    purse_id   TEXT NOT NULL PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    linked_at  TEXT NOT NULL
);
