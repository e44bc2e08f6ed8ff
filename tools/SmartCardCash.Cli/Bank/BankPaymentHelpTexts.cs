namespace SmartCardCash.Cli.Bank;

/// <summary>The help of <c>scc load</c>, <c>scc deposit</c> and <c>scc bank purses</c>.</summary>
internal static class BankPaymentHelpTexts
{
    public const string LoadDescription =
        "Load a card from a bank account: the bank authorises it (the terminal's key and the account holder's credential), then " +
        "its purse pays the card through this terminal, and the account is debited in the same transaction.";

    public const string LoadEpilog =
        """
        Examples:
          scc load --card alice --account customer.alice --amount 25.00 --currency EUR --key-file terminal.key
          scc load --card alice --account customer.alice --amount 25.00 --currency EUR --request-id load-0001

        The request ID (printed, or --request-id) names the load: the same command again with it finishes an
        interrupted load or reports a finished one, and never pays twice. The payer's signed val goes to the terminal
        journal, as 'scc pay' keeps it.

        Exit codes:
          0  the card has the value (also when only its acknowledgement is missing)
          1  refused by a card or by the terminal's checks, or a retried load that was cancelled
          2  bad options, or a request the bank refused (an unknown account, too little money, a request ID reused)
          3  the bank cannot be reached, or its database is down; no bank purse free
          4  the card did not answer before anything was paid
          5  interrupted: the value is logged, and the exception archive refunds the account if the card never got it
          6  the bank refused the key or the account holder's credential
          7  local data: the journal could not keep the evidence, or a key or credential file other users may read
        """;

    public const string DepositDescription =
        "Deposit a merchant card's value at the bank (a merchant terminal's key): the card pays the bank's purse, and the " +
        "merchant's account is credited the amount less its fee in the same transaction. Then the terminal journal is uploaded " +
        "for clearing, as 'scc bank clear' does.";

    public const string DepositEpilog =
        """
        Examples:
          scc deposit --card shop --key-file shop-terminal.key
          scc deposit --card shop --amount 10.00 --key-file shop-terminal.key

        The request ID (printed, or --request-id) names the deposit: the same command again with it finishes a deposit
        whose terminal died mid-payment (the card's unfinished payment is recovered; if that moved nothing, the same
        deposit pays anew) or reports a finished one, and never pays twice.

        After the deposit, the terminal journal ($SCC_HOME/journal/payments.jsonl) is uploaded for clearing and the
        bank's counts are printed. If that upload fails, the deposit stands as reported and its exit code is kept;
        stderr says so, and 'scc bank clear' uploads the journal later.

        Exit codes are those of 'scc load'; 6 also when the key is not a merchant terminal's.
        """;

    public const string PursesDescription =
        "The bank's own purses (operator): provision them, mint their float, list them. Loads are paid from them, deposits " +
        "paid into them.";

    public const string PurseProvisionDescription =
        "Provision a new bank purse for a currency: personalised by the issuer the bank service holds, empty until a mint.";

    public const string PurseMintDescription =
        "Mint value into a bank purse: the issuer's MINT on the purse and the ledger's posting commit together, once per request ID.";

    public const string PurseListDescription = "List the bank's purses: balance, transfer state, and the load or deposit holding each.";
}
