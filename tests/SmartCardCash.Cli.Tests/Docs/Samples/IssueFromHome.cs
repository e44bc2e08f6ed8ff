using SmartCardCash.Issuing;
using SmartCardCash.Issuing.Personalisation;
using SmartCardCash.Issuing.Storage;
using SmartCardCash.LocalData;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Cli.Tests.Docs.Samples;

/// <summary>Issuing's README sample, run by <see cref="IssueFromHomeTests"/>: the issuer in $SCC_HOME personalises a bank purse.</summary>
internal static class IssueFromHome
{
    /// <param name="environment">How to read an environment variable: <see cref="Environment.GetEnvironmentVariable(string)"/> in a tool.</param>
    /// <param name="purse">A blank purse (PERSONALISATION).</param>
    public static (Issuer Issuer, PersonalisationResult Card, MintReconciliation Settled) Personalise(
        Func<string, string?> environment, PurseCard purse)
    {
        // <issue>
        IssuerStore store = IssuerStore.ForHome(SccHome.Resolve(environment));  // $SCC_HOME/issuer; environment: Environment.GetEnvironmentVariable
        Issuer issuer = store.Exists ? store.Load() : store.Create();
        PersonalisationResult card = new PursePersonaliser(issuer, store).Personalise(purse,
            PersonalisationRequest.WithDefaultLimits(PurseClass.Bank, [Currency.Eur.Code], "1234"));
        MintReconciliation settled = MintReconciler.Reconcile(store, purse, card.PurseId);   // open mint intents first
        // </issue>
        return (issuer, card, settled);
    }
}
