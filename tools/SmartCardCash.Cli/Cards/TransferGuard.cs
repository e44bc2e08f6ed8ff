using System.CommandLine;
using SmartCardCash.Cli.Errors;
using SmartCardCash.Cli.Output;
using SmartCardCash.Cli.Payments;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Cli.Cards;

/// <summary>
/// For the commands whose card command aborts a transfer in progress first (spec 4.3: READ LOG of the exception log,
/// MINT and the other issuer commands): such an abort turns a payment <c>scc recover</c> could still finish into
/// logged value for the bank, so it happens only when asked for with <c>--abort-transfer</c>, and is then said.
/// </summary>
internal static class TransferGuard
{
    public static Option<bool> CreateOption() => new("--abort-transfer")
    {
        Description = "If the purse is in the middle of a transfer, abort it first (the value in flight goes to the purse's " +
            "exception log, for the bank). Without it the command refuses (exit 5) and 'scc recover' can still finish the transfer.",
    };

    /// <summary>
    /// Reads the transfer state (which changes nothing). Idle: returns null. In progress without
    /// <paramref name="abortTransfer"/>: throws <see cref="TransferInProgressException"/> naming <paramref name="action"/>.
    /// Otherwise sends ABORT and returns what was aborted, in words and as JSON.
    /// </summary>
    public static AbortedTransfer? Check(PurseConnection card, bool abortTransfer, string action)
    {
        PendingTransfer transfer = card.Purse.GetPendingTransfer();
        if (transfer.State == TransferState.Idle)
        {
            return null;
        }
        string state = PurseFormats.TransferState(transfer.State);
        string quoted = ShellWord.Quote(card.Address.ToString());
        if (!abortTransfer)
        {
            string finish = transfer.State == TransferState.ExpectingVal
                ? $"scc recover --from CARD --to {quoted}"
                : $"scc recover --from {quoted} --to CARD";
            string other = transfer.Details is PaymentDetails pd
                ? $", where CARD is the card of purse {(transfer.State == TransferState.ExpectingVal ? pd.From : pd.To)}"
                : "";
            throw new TransferInProgressException(
                $"{card.Name} is in the middle of a transfer ({state}{Describe(transfer)}) and {action} would abort it; " +
                $"it can still be finished: {finish}{other}; or run again with --abort-transfer to abort it " +
                "(the value in flight then goes to the exception log for the bank)");
        }
        card.Purse.Abort();
        string outcome = transfer.State switch
        {
            TransferState.ExpectingAck => "it had been debited, so the amount is now in its exception log (reason 01) for the bank",
            TransferState.ExpectingVal => "it had not been credited, so the amount is now in its exception log (reason 02) for the bank",
            _ => "nothing had been debited, so nothing was logged",
        };
        string text = $"Aborted the transfer in progress on {card.Name} ({state}{Describe(transfer)}): {outcome}.";
        PaymentJson? payment = transfer.Details is PaymentDetails details
            ? new PaymentJson(details.From.ToString(), details.To.ToString(),
                PurseFormats.Json(new Money(details.Currency, details.Value)), details.FromSeq, details.ToSeq,
                details.HasOrderDigest ? Iso7816.Hex.Encode(details.OrderDigest.Span) : null)
            : null;
        return new AbortedTransfer(text, new AbortedTransferJson(state, payment, text));
    }

    private static string Describe(PendingTransfer transfer) => transfer.Details is PaymentDetails pd
        ? $", {new Money(pd.Currency, pd.Value)} from purse {pd.From} to purse {pd.To}"
        : "";
}
