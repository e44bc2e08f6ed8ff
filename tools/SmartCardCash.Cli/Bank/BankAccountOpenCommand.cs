using System.CommandLine;
using SmartCardCash.BankApi.Contracts;
using SmartCardCash.Cli.Commands;
using SmartCardCash.Cli.Errors;
using SmartCardCash.Cli.Input;
using SmartCardCash.Cli.Output;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Cli.Bank;

/// <summary><c>scc bank account open ID</c>: a customer's or a merchant's account. The holder's credential comes back
/// once; scc saves it in an owner-only file and says where, and never prints it.</summary>
internal sealed class BankAccountOpenCommand : BankClientCommand
{
    private readonly Argument<string> _id = new("id") { Description = "The account's ID, like customer.alice or merchant.shop." };
    private readonly Option<string?> _kind = new("--kind")
    {
        Description = "customer or merchant.",
        HelpName = "kind",
        Required = true,
    };
    private readonly Option<string?> _currency = new("--currency")
    {
        Description = "The account's currency (EUR, GBP …).",
        HelpName = "code",
        Required = true,
    };
    private readonly Option<int?> _feeBasisPoints = NumberOption.InRange(new Option<int?>("--fee-bp")
    {
        Description = "A merchant's fee on each deposit, in basis points (hundredths of a percent, rounded down): 0 to 10000. " +
            "Required for a merchant.",
        HelpName = "n",
    }, 0, 10_000);
    private readonly Option<string?> _feeFixed = new("--fee-fixed")
    {
        Description = "A merchant's fixed fee on each deposit, in the currency (0.10). Default: 0.",
        HelpName = "amount",
    };
    private readonly Option<string?> _credentialFile = new("--credential-file")
    {
        Description = "Where to save the account holder's credential (mode 0600). Default: $SCC_HOME/bank/credentials/ID.credential.",
        HelpName = "file",
    };

    public BankAccountOpenCommand(GlobalOptions globals, CliContext context)
        : base(globals, context, "open", BankHelpTexts.AccountOpenDescription)
    {
        Add(_id);
        Add(_kind, _currency, _feeBasisPoints, _feeFixed, _credentialFile);
        AddConnectionOptions();
    }

    protected override int Execute(CommandRun run)
    {
        string id = run.Get(_id)!;
        string kind = run.Get(_kind)!;
        if (kind is not ("customer" or "merchant"))
        {
            throw new UsageException($"--kind: '{kind}' is not customer or merchant");
        }
        Currency currency = MoneyInput.Currency(run.Get(_currency));
        FeeRateJson? fee = Fee(run, kind, currency);
        // The credential is shown once: an account opened whose credential cannot be saved would have none, for good.
        string target = run.Get(_credentialFile) ?? BankHome.CredentialFile(Context.Home, id);
        BankHome.EnsureSecretCanBeSaved(target, "--credential-file", "the holder's credential");
        OpenedAccountJson opened = Call(cancel => Connect(run).OpenAccountAsync(new OpenAccountRequest(id, kind, currency.AlphaCode, fee), cancel));
        string? file = opened.HolderCredential is string credential
            ? BankHome.SaveSecret(target, DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture), credential)
            : null;
        run.Write(new BankAccountOpenedJson(opened.Account, opened.AlreadyOpen, file), () =>
        {
            Context.Stdout.WriteLine(opened.AlreadyOpen
                ? $"Account {opened.Account.Id} was open already, as asked; its holder's credential was given when it was opened."
                : $"Opened {opened.Account.Kind} account {opened.Account.Id} in {opened.Account.Currency}. The holder's credential is " +
                  $"in {file} (mode 0600): give it to the holder, who needs it to load from the account. The bank keeps only its hash.");
            run.Console.Write(BankTables.Account(opened.Account));
        });
        return ExitCodes.Success;
    }

    private FeeRateJson? Fee(CommandRun run, string kind, Currency currency)
    {
        int? basisPoints = run.Get(_feeBasisPoints);
        string? fixedText = run.Get(_feeFixed);
        if (kind == "customer")
        {
            return basisPoints is null && fixedText is null ? null
                : throw new UsageException("--fee-bp and --fee-fixed are for merchant accounts; a customer's account has no fee");
        }
        if (basisPoints is not int points)
        {
            throw new UsageException("--fee-bp: a merchant's account needs its fee rate in basis points (0 to 10000; 150 is 1.5%)");
        }
        long fixedPart = fixedText is null ? 0 : (long)MoneyInput.Amount(fixedText, currency, "--fee-fixed").MinorUnits;
        return new FeeRateJson(points, fixedPart);
    }
}
