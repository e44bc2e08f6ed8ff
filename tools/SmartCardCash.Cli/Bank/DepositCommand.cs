using System.CommandLine;
using SmartCardCash.BankApi;
using SmartCardCash.CardAccess;
using SmartCardCash.BankApi.Contracts;
using SmartCardCash.Cli.Cards;
using SmartCardCash.Cli.Commands;
using SmartCardCash.Cli.Errors;
using SmartCardCash.Cli.Input;
using SmartCardCash.Cli.Payments;
using SmartCardCash.Journal;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Cli.Bank;

/// <summary>
/// <c>scc deposit</c>: the merchant's terminal (its merchant-terminal key) opens a deposit, pays the merchant card's
/// value (all of it in the account's currency, or --amount) into the bank's purse over <see cref="BankPurseChannel"/>,
/// ends the deposit, and reports what arrived, the fee and what the merchant's account was credited.
/// </summary>
internal sealed class DepositCommand : BankClientCommand
{
    /// <summary>The longest request ID the bank takes.</summary>
    private const int MaxRequestIdLength = 100;
    private const string JournalSuffix = ".journal";

    private readonly Option<string?> _card = CardOption.Create("The merchant's card");
    private readonly Option<string?> _amount = new("--amount")
    {
        Description = "How much to deposit. Default: the card's whole balance in the merchant account's currency.",
        HelpName = "amount",
    };
    private readonly Option<string?> _requestId = new("--request-id")
    {
        Description = "This deposit's ID: the same ID again finishes or reports that deposit, never paying twice. Default: a new one, printed.",
        HelpName = "id",
    };

    public DepositCommand(GlobalOptions globals, CliContext context)
        : base(globals, context, "deposit", BankPaymentHelpTexts.DepositDescription)
    {
        Add(_card, _amount, _requestId);
        AddConnectionOptions();
    }

    protected override int Execute(CommandRun run)
    {
        CardAddress address = run.ResolveCard(_card);
        string requestId = BankPaymentRun.RequestId(run.Get(_requestId), "deposit", Context);
        BankClient bank = Connect(run);
        var flow = new BankPaymentRun(Context, run);

        using PurseConnection card = run.OpenPurse(address);
        PurseId merchantPurse = BankPaymentRun.PurseIdOf(card);
        flow.Announce("Deposit", requestId);
        DepositJson deposit = Call(c => bank.OpenDepositAsync(new OpenDepositRequest(requestId, merchantPurse.ToString()), c));
        Currency currency = Currency.FromAlpha(deposit.Currency);
        PaymentOutcome? outcome = deposit.State == "open" ? Pay(run, flow, bank, card, deposit, currency) : null;
        DepositJson ended = Call(c => bank.EndDepositAsync(requestId, c));

        var parties = new PaymentParties(card.Address.ToString(), null, outcome is null ? null : PayCommand.BalanceAfter(card, outcome, currency), null);
        KeptEvidence? evidence = flow.Keep(outcome, "deposit");
        int exitCode = outcome is null ? (ended.State == "credited" ? ExitCodes.Success : ExitCodes.CardError) : BankPaymentRun.ExitCode(outcome, evidence);
        JournalUploadJson upload = UploadJournal(bank, requestId);
        flow.Write(outcome, parties, exitCode, evidence, payment => new DepositOutcomeJson(requestId, ended, payment, upload, exitCode));
        if (!run.Settings.Json)
        {
            Context.Stdout.WriteLine(Sentence(ended, currency));
            if (upload.Clearing is { } cleared)
            {
                Context.Stdout.WriteLine($"Uploaded the journal for clearing ({JournalUpload.Plural(cleared.Records.Count, "payment")}): {JournalUpload.Counts(cleared)}.");
            }
        }
        return exitCode;
    }

    /// <summary>
    /// The open deposit's payment. A retry first finishes a payment to this bank purse that the terminal left unfinished.
    /// A new deposit pays; so does a retry whose earlier payment moved nothing: the bank resets its purse (a payment it
    /// still waits for, which the card left, is aborted and logged) and the same request ID pays anew. It never pays
    /// twice: the bank takes a payment only while the deposit is open, which its first credit ends.
    /// </summary>
    private PaymentOutcome Pay(CommandRun run, BankPaymentRun flow, BankClient bank, PurseConnection card, DepositJson deposit, Currency currency)
    {
        using BankPurseChannel channel = BankPurseChannel.ForDeposit(bank, deposit.Id, Context.Interrupt);
        var bankPurse = PurseCard.Open(channel, "the bank");
        if (card.Purse.GetPendingTransfer() is { State: not TransferState.Idle, Details: { } pd } && pd.To == PurseId.Parse(deposit.BankPurse))
        {
            PaymentOutcome recovered = flow.Recover(card.Purse, bankPurse);
            if (!MovedNothing(recovered, card.Purse))
            {
                return recovered;
            }
            if (!run.Settings.Json)
            {
                Context.Stdout.WriteLine($"The interrupted payment moved nothing ({recovered.Summary.TrimEnd('.')}); paying again in deposit {deposit.Id}.");
            }
        }
        if (deposit.AlreadyOpen)
        {
            Call(c => bank.ResetDepositAsync(deposit.Id, c));
        }
        Money amount;
        try
        {
            amount = Amount(run, card, currency);
        }
        catch (UsageException)
        {
            Call(c => bank.EndDepositAsync(deposit.Id, c)); // nothing to pay: free the bank's purse at once
            throw;
        }
        return flow.Pay(card.Purse, bankPurse, amount);
    }

    /// <summary>What the bank says the deposit did, in one line.</summary>
    private static string Sentence(DepositJson deposit, Currency currency) => deposit.State == "credited"
        ? $"Deposited {Money.Of(currency, (ulong)deposit.Amount!.Value)} into {deposit.MerchantAccount}: fee {Money.Of(currency, (ulong)deposit.Fee!.Value)}, " +
            $"credited {Money.Of(currency, (ulong)deposit.Credited!.Value)} (deposit {deposit.Id})."
        : $"Deposit {deposit.Id} is {deposit.State}: {deposit.MerchantAccount} was credited nothing." + (deposit.State == "value-logged"
            ? " If the card was debited, its exception log, uploaded to the bank, proves it, and the bank refunds the merchant once." : "");

    /// <summary>
    /// Uploads this terminal's journal (the deposit's own val with the payments it took) for clearing, once the deposit
    /// is over. Its failure changes nothing of the deposit, which stands as the bank ended it, nor the exit code: the
    /// journal stays as it was, and one line on stderr says how to upload it later.
    /// </summary>
    private JournalUploadJson UploadJournal(BankClient bank, string depositId)
    {
        var journal = PaymentJournal.InHome(Context.Home);
        try
        {
            JournalUpload upload = JournalUpload.Read(journal);
            if (upload.Lines.Count == 0)
            {
                return new JournalUploadJson(journal.FilePath, upload.TornLines, null, null);
            }
            // The upload's ID only names it in the bank's answer and log (the vals' own keys make it idempotent).
            string requestId = depositId.Length <= MaxRequestIdLength - JournalSuffix.Length ? depositId + JournalSuffix : upload.ContentId();
            ClearingJson result = Call(c => upload.SendAsync(bank, requestId, c));
            JournalUpload.WarnOfClones(result, Context.Stderr);
            return new JournalUploadJson(journal.FilePath, upload.TornLines, result, null);
        }
        catch (Exception e) when (ErrorReporter.Classify(e, Context.Interrupt.IsCancellationRequested) is { ExitCode: not ExitCodes.InternalError } failure)
        {
            Context.Stderr.WriteLine($"scc: the journal was not uploaded for clearing ({failure.Message}); the deposit stands as reported, " +
                $"and 'scc bank clear' uploads the journal {journal.FilePath} later");
            return new JournalUploadJson(journal.FilePath, 0, null, failure.Message);
        }
    }

    /// <summary>Whether a recovery ended the earlier payment with no value leaving the card, and the card free to pay.</summary>
    private static bool MovedNothing(PaymentOutcome recovered, PurseCard card) =>
        recovered.Kind is PaymentOutcomeKind.NotStarted or PaymentOutcomeKind.NothingToRecover && recovered.Debited == Certainty.No &&
        card.GetPendingTransfer().State == TransferState.Idle;

    /// <summary>--amount, or the card's whole balance in <paramref name="currency"/>; more than 0 and no more than the card holds.</summary>
    private Money Amount(CommandRun run, PurseConnection card, Currency currency)
    {
        uint balance = card.Purse.GetBalances().FirstOrDefault(b => b.Currency == currency.Code)?.Balance ?? 0;
        Money amount = run.Get(_amount) is { } text ? MoneyInput.Amount(text, currency, "--amount", positive: true) : Money.Of(currency, balance);
        if (amount.MinorUnits == 0)
        {
            throw new UsageException($"--card: {card.Name} holds no {currency.AlphaCode}: there is nothing to deposit");
        }
        return amount.MinorUnits <= balance ? amount
            : throw new UsageException($"--amount: {card.Name} holds {Money.Of(currency, balance)}, less than {amount}");
    }
}
