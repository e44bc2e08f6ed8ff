using System.CommandLine;
using SmartCardCash.CardAccess;
using SmartCardCash.Cli.Cards;
using SmartCardCash.Cli.Errors;
using SmartCardCash.Cli.Help;
using SmartCardCash.Cli.Input;
using SmartCardCash.Cli.Output;
using SmartCardCash.Iso7816;
using SmartCardCash.Iso7816.Errors;
using SmartCardCash.Issuing;
using SmartCardCash.Issuing.Storage;
using SmartCardCash.LocalData;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Issuing;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Cli.Commands;

/// <summary>
/// <c>scc mint</c>: the issuer brings value into existence in a bank purse. Reads the purse's ID and issuer counter,
/// records the intent to mint durably, signs and sends the MINT, then writes the mint journal (the bank's float record)
/// and closes the intent. A lost answer leaves the intent open; <c>--reconcile</c> (or the next mint on the purse)
/// settles it from the purse's own log and counter.
/// </summary>
internal sealed class MintCommand : PurseCommand
{
    private readonly Option<string> _amount = new("--amount")
    {
        Description = "How much, in the currency's major units: 1000.00 EUR, 1250 JPY. Required unless --reconcile.",
        HelpName = "amount",
    };
    private readonly Option<string> _currency = new("--currency")
    {
        Description = "The pocket to mint into: EUR, GBP, JPY … Required unless --reconcile.",
        HelpName = "code",
    };
    private readonly Option<bool> _reconcile = new("--reconcile")
    {
        Description = "Mint nothing: settle the earlier mints into this purse whose outcome was not recorded (a lost " +
            "answer, a journal that could not be written), from the purse's transaction log and issuer counter.",
    };
    private readonly Option<bool> _abortTransfer = TransferGuard.CreateOption();

    public MintCommand(GlobalOptions globals, CliContext context)
        : base(globals, context, "mint", HelpTexts.MintDescription)
    {
        Add(_amount, _currency, _reconcile, _abortTransfer);
        Command.Validators.Add(result =>
        {
            bool reconcile = result.GetValue(_reconcile);
            if (reconcile && result.GetValue(_abortTransfer))
            {
                // Reconciling sends no MINT, so nothing would abort: the flag would promise what never happens.
                result.AddError("--reconcile mints nothing and aborts nothing: --abort-transfer does not apply");
            }
            foreach (Option option in new Option[] { _amount, _currency })
            {
                bool given = result.GetResult(option) is { Implicit: false };
                if (reconcile && given)
                {
                    result.AddError($"--reconcile mints nothing: {option.Name} does not apply");
                }
                else if (!reconcile && !given)
                {
                    result.AddError($"Option '{option.Name}' is required.");
                }
            }
        });
    }

    protected override int Execute(CommandRun run)
    {
        CardAddress address = ResolveCard(run);
        bool reconcileOnly = run.Get(_reconcile);
        Currency? currency = reconcileOnly ? null : MoneyInput.Currency(run.Get(_currency));
        Money? amount = currency is null ? null : MoneyInput.Amount(run.Get(_amount), currency, "--amount", positive: true);
        IssuerStore store = IssuerAccess.Store(Context);
        Issuer? issuer = reconcileOnly ? null : store.Load();

        using PurseConnection card = run.OpenPurse(address);
        card.Purse.Select();
        PurseId purse = card.Purse.GetStatus().PurseId
            ?? throw new LocalDataException($"{card.Name} has no purse ID yet: personalise it first ('scc card personalise')");

        // Earlier mints into this purse whose outcome is open are settled first, so the journal is right before it grows.
        MintReconciliation reconciled = Reconcile(store, card, purse, run.Settings);
        if (issuer is null || currency is null || amount is not { } minted)
        {
            return ReportReconcileOnly(run, card, purse, store, reconciled);
        }

        // MINT aborts a transfer in progress (spec 4.3); that is for the user to choose, not a side effect.
        AbortedTransfer? aborted = TransferGuard.Check(card, run.Get(_abortTransfer), "a MINT");
        if (aborted is not null && !run.Settings.Json)
        {
            Context.Stdout.WriteLine(aborted.Text);
        }
        MintRecord intent = new(Context.Time.GetUtcNow(), purse, minted.Currency, minted.ToCardValue(allowZero: false),
            card.Purse.GetStatus().IssuerCounter);
        RecordIntent(store, intent);
        Send(store, card, issuer, intent);
        Confirm(store, card, intent);
        uint balance = card.Purse.GetBalances().First(b => b.Currency == currency.Code).Balance;
        var balanceMoney = new Money(currency.Code, balance);

        run.Write(new MintJson(card.Name, purse.ToString(), PurseFormats.Json(intent.AmountMoney), intent.IssuerCounter,
                PurseFormats.Json(balanceMoney), store.JournalPath, reconciled.Lines, aborted?.Json),
            () => Context.Stdout.WriteLine(
                $"Minted {intent.AmountMoney} into {card.Name} (purse {purse}); balance {balanceMoney}; " +
                $"issuer counter {intent.IssuerCounter}, recorded in the mint journal."));
        return ExitCodes.Success;
    }

    private MintReconciliation Reconcile(IssuerStore store, PurseConnection card, PurseId purse, OutputSettings settings)
    {
        MintReconciliation reconciled;
        try
        {
            reconciled = MintReconciler.Reconcile(store, card.Purse, purse);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LocalDataException(
                $"the mint journal in {store.Directory} cannot be written ({e.Message.TrimEnd('.')}); nothing was minted", e);
        }
        if (!settings.Json)
        {
            foreach (string line in reconciled.Lines)
            {
                Context.Stdout.WriteLine(line);
            }
        }
        return reconciled;
    }

    private int ReportReconcileOnly(CommandRun run, PurseConnection card, PurseId purse, IssuerStore store,
        MintReconciliation reconciled)
    {
        run.Write(new MintReconcileJson(card.Name, purse.ToString(), reconciled.Lines, reconciled.Undecided), () =>
        {
            if (reconciled.Lines.Count == 0)
            {
                Context.Stdout.WriteLine($"Nothing to reconcile: every mint into {card.Name} (purse {purse}) is settled in the mint journal.");
            }
        });
        if (reconciled.Undecided > 0)
        {
            throw new LocalDataException($"{reconciled.Undecided} mint intent(s) for {card.Name} cannot be settled from the " +
                $"purse; they stay open in {store.IntentsPath}");
        }
        return ExitCodes.Success;
    }

    /// <summary>Durably, before anything is sent: a mint nobody wrote down must never exist.</summary>
    private static void RecordIntent(IssuerStore store, MintRecord intent)
    {
        try
        {
            store.RecordMintIntent(intent);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LocalDataException(
                $"the mint intent cannot be written to {store.IntentsPath} ({e.Message.TrimEnd('.')}); nothing was minted", e);
        }
    }

    private static void Send(IssuerStore store, PurseConnection card, Issuer issuer, MintRecord intent)
    {
        var authorisation = IssuerAuthorisation.Mint(intent.Purse, intent.IssuerCounter, intent.Currency, intent.Amount);
        try
        {
            card.Purse.Execute(SignedIssuerAuthorisation.Create(authorisation, issuer));
        }
        catch (CardStatusException e) when (!IsCardFailure(e.StatusWord))
        {
            // A refused command changes nothing (spec 4.3): the intent is closed as not minted. If even that cannot be
            // written, the next reconcile closes it the same way (the counter did not move).
            TryCancel(store, intent);
            throw;
        }
        catch (CardStatusException e)
        {
            // 6581 or 6Fxx: the card (or a purse's storage backend) failed inside the command. The spec says nothing
            // changed, but money is not closed on a failing memory's word: the purse's own log and counter decide.
            throw new MintOutcomeUnknownException(
                $"the MINT of {intent.AmountMoney} into {card.Name} (purse {intent.Purse}, issuer counter " +
                $"{intent.IssuerCounter}) failed inside the card ({e.Message.TrimEnd('.')}): the purse should not have added " +
                $"it, but that is checked, not assumed. The intent stays open in {store.IntentsPath}; 'scc mint --reconcile " +
                $"--card {Payments.ShellWord.Quote(card.Address.ToString())}' reads the purse and settles it", e);
        }
        catch (SmartCardException e) when (card.Connection.LocalFailure is { } local)
        {
            // The card stopped answering because its image cannot be saved: the folder is what to fix, then reconcile.
            throw new LocalDataException(
                $"the MINT of {intent.AmountMoney} into {card.Name} (purse {intent.Purse}, issuer counter " +
                $"{intent.IssuerCounter}) was sent, but {local.Message}, so the purse may not keep it. The intent stays open " +
                $"in {store.IntentsPath}; once the card can be saved, 'scc mint --reconcile --card " +
                $"{Payments.ShellWord.Quote(card.Address.ToString())}' reads the purse and settles it", e);
        }
        catch (SmartCardException e)
        {
            throw new MintOutcomeUnknownException(
                $"the MINT of {intent.AmountMoney} into {card.Name} (purse {intent.Purse}, issuer counter " +
                $"{intent.IssuerCounter}) was sent but its answer was lost ({e.Message.TrimEnd('.')}): the purse may or may " +
                $"not have added it. The intent is recorded in {store.IntentsPath}; 'scc mint --reconcile --card " +
                $"{Payments.ShellWord.Quote(card.Address.ToString())}' (or the next 'scc mint' into this purse) " +
                "reads the purse and settles it", e);
        }
    }

    private static bool IsCardFailure(StatusWord status) => status == StatusWord.MemoryFailure || status.Sw1 == 0x6F;

    private static void Confirm(IssuerStore store, PurseConnection card, MintRecord intent)
    {
        try
        {
            store.ConfirmMint(intent);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LocalDataException(
                $"{intent.AmountMoney} was minted into {card.Name} (purse {intent.Purse}, issuer counter " +
                $"{intent.IssuerCounter}) but the mint journal {store.JournalPath} could not be written ({e.Message.TrimEnd('.')}); " +
                $"the intent stays open in {store.IntentsPath}: once the journal is writable, 'scc mint --reconcile --card " +
                $"{Payments.ShellWord.Quote(card.Address.ToString())}' records it", e);
        }
    }

    private static void TryCancel(IssuerStore store, MintRecord intent)
    {
        try
        {
            store.CancelMintIntent(intent);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or LocalDataException)
        {
            // The card's refusal is the error to report; the open intent is settled later from the unchanged counter.
        }
    }
}
