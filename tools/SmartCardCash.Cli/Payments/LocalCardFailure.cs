using SmartCardCash.Cli.Cards;
using SmartCardCash.LocalData;
using SmartCardCash.Purse.Payments;

namespace SmartCardCash.Cli.Payments;

/// <summary>
/// A payment that never started because a card stopped answering for a local reason (an emulated card whose image
/// cannot be saved): paying again with the cards present would fail the same way, so it is local data (exit 7) in one
/// sentence, not a card that did not answer (exit 4, "pay again with both cards present").
/// </summary>
internal static class LocalCardFailure
{
    /// <exception cref="LocalDataException">Nothing was paid, and a card's image could not be saved.</exception>
    public static void ThrowIfNothingWasPaid(PaymentOutcome outcome, PurseConnection payer, PurseConnection payee)
    {
        if (outcome.Kind == PaymentOutcomeKind.NotStarted && (payer.Connection.LocalFailure ?? payee.Connection.LocalFailure) is { } local)
        {
            // NotStarted: the payer was not debited, whatever else the cards had answered before the one that stopped.
            throw new LocalDataException($"nothing was paid: {local.Message}; nothing was debited", local);
        }
    }
}
