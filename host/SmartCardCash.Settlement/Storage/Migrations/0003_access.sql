-- Who may call the bank (docs/bank.md, "The service: API, roles, keys"): API keys with a role, and each account
-- holder's credential for loads. Only the SHA-256 of a secret is stored; the secret itself is shown once, when issued.

CREATE TABLE api_keys (
    id                  TEXT   NOT NULL PRIMARY KEY,
    role                TEXT   NOT NULL CHECK (role IN ('Operator', 'Terminal', 'MerchantTerminal')),
    -- A merchant terminal's key acts for this one merchant account only; no other role is bound to an account.
    merchant_account_id TEXT   NULL REFERENCES accounts (id),
    secret_sha256       TEXT   NOT NULL CHECK (length(secret_sha256) = 64),
    label               TEXT   NULL,
    -- 1 on the operator key the service made on its first start, NULL on every other: UNIQUE, so two services that
    -- start at once on one database make only one.
    bootstrap           BIGINT NULL UNIQUE CHECK (bootstrap = 1),
    created_at          TEXT   NOT NULL,
    revoked_at          TEXT   NULL,
    CHECK ((merchant_account_id IS NULL) = (role <> 'MerchantTerminal'))
);

CREATE TABLE account_credentials (
    account_id    TEXT NOT NULL PRIMARY KEY REFERENCES accounts (id),
    secret_sha256 TEXT NOT NULL CHECK (length(secret_sha256) = 64),
    issued_at     TEXT NOT NULL
);
