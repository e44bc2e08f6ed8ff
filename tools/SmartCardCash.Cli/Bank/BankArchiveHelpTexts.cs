namespace SmartCardCash.Cli.Bank;

/// <summary>The help of clearing, exception uploads, the hotlist and the operator's revocation and lost-payment commands.</summary>
internal static class BankArchiveHelpTexts
{
    public const string ClearDescription =
        "Upload this terminal's payment journal for clearing: the bank verifies each payer's signed val and keeps it once; a " +
        "purse that signed two payments with one sequence number is a clone, hotlisted and said here.";

    public const string ExceptionsDescription =
        "Upload a card's signed exception log to the bank's archive (definitely lost value is refunded once, maybe lost " +
        "value is held), then clear the card with the bank's issuer-signed authorisation.";

    public const string HotlistDescription = "The issuer's signed hotlist, from the bank.";

    public const string HotlistFetchDescription =
        "Download the bank's current hotlist, verify the issuer's signature and install it ($SCC_HOME/hotlist.signed); an " +
        "unsigned, badly signed or older list is refused (exit 6).";

    public const string BankHotlistDescription = "Report purses to the bank's hotlist and list its entries (operator).";

    public const string HotlistReportDescription = "List a purse reported lost or stolen; reporting it again changes nothing.";

    public const string HotlistListDescription = "List every hotlisted purse with its reason and evidence.";

    public const string LostDescription = "Payments lost in flight: list the open ones, refund the owed ones (operator).";

    public const string LostListDescription = "List the open maybe-lost and owed payments, with how long each has been open.";

    public const string LostRefundDescription =
        "Refund every payment owed to a payer purse to the account named, once each; the purse is linked to it from then on.";

    public const string HolderDescription =
        "Show which account loaded a hotlisted purse (anonymity revocation, operator only; refused for a purse not on the hotlist).";

    public const string ExceptionsEpilog =
        """
        Examples:
          scc bank exceptions --card alice --key-file terminal.key
          scc bank clear --key-file terminal.key
          scc hotlist fetch --key-file terminal.key

        Exit codes:
          0  done (the card's log cleared, or empty)
          1  the card refused the bank's clear authorisation: its log changed after the upload; nothing is lost, run
             it again
          2  bad options, or a request the bank refused as invalid
          3  the bank or the card cannot be reached, or the bank's database is down
          5  the card is in the middle of a transfer (--abort-transfer aborts it first)
          6  the bank refused the key, the card's certificate or a record's signature (HTTP 401, 403, 422); scc hotlist
             fetch: the list is unsigned, badly signed, another issuer's or older than the installed one
          7  local data: a key file other users may read; scc bank clear: a damaged journal line (named by its number)
        """;
}
