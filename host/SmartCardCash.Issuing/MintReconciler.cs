using SmartCardCash.Issuing.Storage;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Issuing;

/// <summary>
/// Settles the open mint intents of one purse (mints whose MINT answer was lost, or whose journal line could not be
/// written) from what the purse itself says. A MINT that took effect left a "minted" record in the transaction log
/// whose from-sequence is the issuer counter it used (spec 2.5); one that did not take effect left the issuer counter
/// where it was, since only an accepted issuer command moves it (spec 7.1).
/// </summary>
public static class MintReconciler
{
    /// <summary>
    /// One sentence per open intent of purse <paramref name="purseId"/>, naming the card as <see cref="PurseCard.Name"/>:
    /// settled (journal written or intent closed) or still undecided. Reads the purse only when it has open intents.
    /// </summary>
    /// <param name="purse">The card holding purse <paramref name="purseId"/>, already selected.</param>
    /// <exception cref="LocalData.LocalDataException">The intents or the journal cannot be read or written.</exception>
    public static MintReconciliation Reconcile(IssuerStore store, PurseCard purse, PurseId purseId)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(purse);
        var intents = store.OpenMintIntents().Where(i => i.Purse == purseId).ToList();
        if (intents.Count == 0)
        {
            return new MintReconciliation([], 0);
        }
        PurseStatus status = purse.GetStatus();
        IReadOnlyList<TransactionLogEntry> log = purse.ReadTransactionLog();
        var lines = new List<string>();
        int undecided = 0;
        foreach (MintRecord intent in intents)
        {
            string what = $"the earlier mint of {intent.AmountMoney} into {purse.Name} (purse {purseId}, issuer counter " +
                $"{intent.IssuerCounter}), whose outcome was not recorded,";
            bool logged = log.Any(e => e.Record.Type == TransactionRecordType.Minted
                && e.Record.Details.FromSeq == intent.IssuerCounter
                && e.Record.Details.Currency == intent.Currency && e.Record.Details.Value == intent.Amount);
            if (logged)
            {
                store.ConfirmMint(intent);
                lines.Add(Capitalise($"{what} took effect (the purse's transaction log has it): recorded in the mint journal now."));
            }
            else if (status.IssuerCounter == intent.IssuerCounter
                || status.TransactionLogCount < status.TransactionLogCapacity)
            {
                // The counter never moved past it, or the log still holds every record ever made and none is this mint.
                store.CancelMintIntent(intent);
                lines.Add(Capitalise($"{what} did not take effect (the purse never logged it): nothing was minted; the intent is closed."));
            }
            else
            {
                undecided++;
                lines.Add(Capitalise($"{what} cannot be settled from the purse: its issuer counter has moved on and its " +
                    $"transaction log no longer reaches back that far; compare the purse's balance with the mint journal " +
                    $"by hand. The intent stays open in {store.IntentsPath}."));
            }
        }
        return new MintReconciliation(lines, undecided);
    }

    private static string Capitalise(string sentence) => char.ToUpperInvariant(sentence[0]) + sentence[1..];
}
