namespace SmartCardCash.Cli.Bank;

/// <summary>The help of <c>scc bank</c> and its commands.</summary>
internal static class BankHelpTexts
{
    public const string BankDescription =
        "The bank: run its service (serve), and as its operator open accounts, take cash in, audit the books and issue or " +
        "revoke the keys terminals call it with.";

    public const string BankEpilog =
        """
        Examples:
          scc bank serve
          scc bank account open customer.alice --kind customer --currency EUR
          scc bank account open merchant.shop --kind merchant --currency EUR --fee-bp 150 --fee-fixed 0.10
          scc bank cash-in --account customer.alice --amount 50.00 --currency EUR --request-id till-1/0001
          scc bank key issue --role merchant-terminal --merchant-account merchant.shop
          scc bank audit

        Every command but serve calls the bank at --bank (else $SCC_BANK_URL, else http://127.0.0.1:7878/) with the key
        in --key-file (else $SCC_BANK_KEY, else the operator key the first 'scc bank serve' saved in
        $SCC_HOME/bank/operator.key). Keys and account holders' credentials are saved in owner-only files and never
        printed, except the operator key on the first start of a bank.

        Exit codes:
          0  done (audit: the books balance)
          2  bad options, or a request the bank refused as invalid (an unknown account, a request ID used for another
             request, an account that exists with other content)
          3  the bank cannot be reached, or its database is down
          6  the bank refused the key: missing, unknown, revoked, or of a role or account that may not do this
          7  local data: a key or credential file that cannot be written, or one other users may read (chmod 600 it)
          8  audit: the books do not balance (the findings are listed)
        """;

    public const string ServeDescription =
        "Run the bank service here until Ctrl+C: HTTP on loopback, its database SQLite in $SCC_HOME/bank or PostgreSQL. The " +
        "first start prints the operator key once and saves it (mode 0600).";

    public const string ServeEpilog =
        """
        Examples:
          scc bank serve
          scc bank serve --listen 127.0.0.1:0
          scc bank serve --db postgres://bank:secret@127.0.0.1:5432/bank

        /health and /openapi/v1.json answer without a key; every other route needs Authorization: Bearer KEY with the
        route's role (docs/bank.md). A database that is down makes the requests fail with 503 until it is back.
        --verbose logs each refusal (by reason), each key issued or revoked (by ID) and each database failure on stderr;
        no log line holds a key's or a credential's secret.

        Exit codes:
          0  stopped by Ctrl+C or SIGTERM
          2  bad options: --listen, --db, or an address that cannot be listened on
          3  the database cannot be reached or opened
          7  local data: the operator key file cannot be written
        """;

    public const string AccountDescription = "Open, show and list the bank's accounts, and reissue a holder's credential (operator).";

    public const string AccountOpenDescription =
        "Open a customer's or a merchant's account. Its holder's credential is saved in an owner-only file; opening it again " +
        "the same way changes nothing.";

    public const string AccountReissueCredentialDescription =
        "Give an account's holder a new credential, saved in an owner-only file, when the old one is lost or given away: " +
        "the old one no longer works.";

    public const string AccountShowDescription = "Show one account. A merchant terminal's key may show its own account.";

    public const string AccountListDescription = "List every account, the bank's own included.";

    public const string CashInDescription =
        "Credit an account with cash a teller took in, once per --request-id: the same request again changes nothing.";

    public const string AuditDescription =
        "Recompute every balance from the transfers and check that the books balance (minted = bank purses + outstanding, " +
        "float + suspense = outstanding).";

    public const string KeyDescription = "Issue, revoke and list the API keys the bank is called with (operator).";

    public const string KeyIssueDescription = "Issue an API key; it is saved in an owner-only file, the bank keeps only its hash.";

    public const string KeyRevokeDescription = "Revoke an API key: the bank refuses it from then on.";

    public const string KeyListDescription = "List the API keys, without secrets.";
}
