using System.CommandLine;
using SmartCardCash.BankApi;
using SmartCardCash.CardAccess;
using SmartCardCash.BankApi.Contracts;
using SmartCardCash.Cli.Cards;
using SmartCardCash.Cli.Commands;
using SmartCardCash.Cli.Errors;
using SmartCardCash.Cli.Input;
using SmartCardCash.Cli.Payments;
using SmartCardCash.DurableFiles;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Cli.Bank;

/// <summary>
/// <c>scc load</c>: the bank authorises a load from an account (the holder's credential with the terminal's key), then
/// this terminal runs the ordinary payment with the bank's purse (over <see cref="BankPurseChannel"/>) as payer and
/// the card as payee, recovers it if it was interrupted, and ends the load.
/// </summary>
internal sealed class LoadCommand : BankClientCommand
{
    public const string HolderCredentialVariable = "SCC_HOLDER_CREDENTIAL";

    private readonly Option<string?> _card = CardOption.Create("The card to load");
    private readonly Option<string?> _account = new("--account") { Description = "The customer account that pays.", HelpName = "id", Required = true };
    private readonly Option<string?> _amount = new("--amount") { Description = "How much to load (25.00).", HelpName = "amount", Required = true };
    private readonly Option<string?> _currency = new("--currency") { Description = "Its currency: the account's.", HelpName = "code", Required = true };
    private readonly Option<string?> _credentialFile = new("--holder-credential-file")
    {
        Description = $"A file holding the account holder's credential (scch_…, mode 0600). Default: ${HolderCredentialVariable}, else " +
            "the file 'scc bank account open' saved in $SCC_HOME/bank/credentials.",
        HelpName = "file",
    };
    private readonly Option<string?> _requestId = new("--request-id")
    {
        Description = "This load's ID: the same ID again finishes or reports that load, never paying twice. Default: a new one, printed.",
        HelpName = "id",
    };

    public LoadCommand(GlobalOptions globals, CliContext context)
        : base(globals, context, "load", BankPaymentHelpTexts.LoadDescription)
    {
        Add(_card, _account, _amount, _currency, _credentialFile, _requestId);
        AddConnectionOptions();
    }

    protected override int Execute(CommandRun run)
    {
        Currency currency = MoneyInput.Currency(run.Get(_currency));
        Money amount = MoneyInput.Amount(run.Get(_amount), currency, "--amount", positive: true);
        string account = run.Get(_account)!;
        string credential = HolderCredential(run);
        CardAddress address = run.ResolveCard(_card);
        string requestId = BankPaymentRun.RequestId(run.Get(_requestId), "load", Context);
        BankClient bank = Connect(run);
        var flow = new BankPaymentRun(Context, run);

        using PurseConnection card = run.OpenPurse(address);
        PurseId payee = BankPaymentRun.PurseIdOf(card);
        flow.Announce("Load", requestId);
        LoadJson load = Call(c => bank.AuthoriseLoadAsync(
            new AuthoriseLoadRequest(requestId, account, payee.ToString(), currency.AlphaCode, checked((long)amount.MinorUnits)), credential, c));
        PaymentOutcome? outcome = null;
        if (load.State is "authorised" or "debited")
        {
            using BankPurseChannel channel = BankPurseChannel.ForLoad(bank, requestId, Context.Interrupt);
            var bankPurse = PurseCard.Open(channel, "the bank");
            // A retry finishes what the first run left: the value already left the bank purse, or the card still waits
            // for this bank purse's payment (the terminal died mid-load). Otherwise it is a new payment.
            bool unfinished = load.State == "debited" || WaitsFor(card.Purse, PurseId.Parse(load.BankPurse));
            outcome = unfinished ? flow.Recover(bankPurse, card.Purse) : flow.Pay(bankPurse, card.Purse, amount);
        }
        LoadJson ended = Call(c => bank.EndLoadAsync(requestId, c));

        var parties = new PaymentParties(null, card.Address.ToString(), null, outcome is null ? null : PayCommand.BalanceAfter(card, outcome, currency));
        KeptEvidence? evidence = flow.Keep(outcome, "load");
        int exitCode = outcome is null ? ExitOf(ended) : BankPaymentRun.ExitCode(outcome, evidence);
        flow.Write(outcome, parties, exitCode, evidence, payment => new LoadOutcomeJson(requestId, ended, payment, exitCode));
        if (!run.Settings.Json)
        {
            Context.Stdout.WriteLine(Sentence(ended, Money.Of(currency, (ulong)ended.Amount)));
        }
        if (outcome is null && exitCode != ExitCodes.Success)
        {
            Context.Stderr.WriteLine($"scc: load {requestId} was over already ({ended.State}); nothing was paid now");
        }
        return exitCode;
    }

    /// <summary>Whether the card is in a transfer with <paramref name="bankPurse"/>.</summary>
    private static bool WaitsFor(PurseCard card, PurseId bankPurse) =>
        card.GetPendingTransfer() is { State: not TransferState.Idle, Details: { } pd } && pd.From == bankPurse;

    /// <summary>What the bank says the load did, in one line.</summary>
    private static string Sentence(LoadJson load, Money amount) => load.State switch
    {
        "completed" => $"The bank debited {amount} from {load.Account} for load {load.Id}; the card has it.",
        "cancelled" => $"Load {load.Id} was cancelled: nothing was paid, and {load.Account}'s reservation of {amount} is released.",
        "value-logged" => $"Load {load.Id}: {load.Account} paid {amount}, but the card's acknowledgement never reached the bank. If the card " +
            "did not get the value, its exception log, uploaded to the bank, proves it, and the bank refunds the account once.",
        _ => $"Load {load.Id} is {load.State}.",
    };

    /// <summary>A retried load that was over already: completed is done, anything else did not load the card.</summary>
    private static int ExitOf(LoadJson load) => load.State switch
    {
        "completed" => ExitCodes.Success,
        "value-logged" => ExitCodes.PaymentInterrupted,
        _ => ExitCodes.CardError,
    };

    private const string HolderCredentialWhat = "an account holder's credential";

    private string HolderCredential(CommandRun run)
    {
        if (run.Get(_credentialFile) is { } file)
        {
            return SecretFile.Read(file, "--holder-credential-file", HolderCredentialWhat);
        }
        if (Context.GetEnvironmentVariable(HolderCredentialVariable) is { Length: > 0 } credential)
        {
            return SecretFile.Checked(credential, $"${HolderCredentialVariable}", HolderCredentialWhat);
        }
        // Where 'scc bank account open' saved it, when this home opened the account.
        string saved = Path.Combine(BankHome.Directory(Context.Home), "credentials", $"{run.Get(_account)}.credential");
        return PrivateFiles.FileExists(saved) ? SecretFile.Read(saved, "the saved holder's credential", HolderCredentialWhat)
            : throw new UsageException($"no account holder's credential: give --holder-credential-file FILE or set {HolderCredentialVariable}");
    }
}
