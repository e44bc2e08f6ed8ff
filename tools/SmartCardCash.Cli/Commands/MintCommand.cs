using System.CommandLine;
using SmartCardCash.Cli.Cards;
using SmartCardCash.Cli.Help;
using SmartCardCash.Cli.Input;
using SmartCardCash.Cli.Logging;
using SmartCardCash.Cli.Output;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Cli.Commands;

/// <summary>
/// <c>scc mint</c>: the issuer brings value into existence in a bank purse. Reads the purse's ID and issuer counter,
/// signs the MINT with the issuer key, sends it, and appends the mint journal (the bank's float record).
/// </summary>
internal sealed class MintCommand
{
    private readonly GlobalOptions _globals;
    private readonly CliContext _context;
    private readonly Option<string?> _card = CardOption.Create();
    private readonly Option<string> _amount = new("--amount")
    {
        Description = "How much, in the currency's major units: 1000.00 EUR, 1250 JPY.",
        HelpName = "amount",
        Required = true,
    };
    private readonly Option<string> _currency = new("--currency")
    {
        Description = "The pocket to mint into: EUR, GBP, JPY …",
        HelpName = "code",
        Required = true,
    };

    public MintCommand(GlobalOptions globals, CliContext context)
    {
        _globals = globals;
        _context = context;
        Command = new Command("mint", HelpTexts.MintDescription) { _card, _amount, _currency };
        Command.SetAction(Execute);
    }

    public Command Command { get; }

    private int Execute(ParseResult parseResult)
    {
        OutputSettings settings = _globals.Read(parseResult);
        var address = CardOption.Resolve(parseResult.GetValue(_card), _context.GetEnvironmentVariable);
        Currency currency = MoneyInput.Currency(parseResult.GetValue(_currency));
        uint amount = MoneyInput.Amount(parseResult.GetValue(_amount), currency, "--amount", positive: true);
        IssuerStore store = IssuerAccess.Store(_context);
        Issuer issuer = store.Load();

        using var logging = CliLogging.Create(settings, _context);
        using PurseSession session = CardSessions.Open(_context, settings, logging, address);
        session.Purse.Select();
        MintReceipt receipt = session.Purse.Mint(issuer, currency.Code, amount);
        try
        {
            store.AppendMint(new MintRecord(_context.Time.GetUtcNow(), receipt.Purse, receipt.Currency, receipt.Amount,
                receipt.IssuerCounter));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LocalDataException(
                $"{receipt.AmountMoney} was minted into {session.Name} (purse {receipt.Purse}, issuer counter " +
                $"{receipt.IssuerCounter}) but the mint journal {store.JournalPath} could not be written ({e.Message}); " +
                "add that line by hand", e);
        }

        if (settings.Json)
        {
            JsonOutput.WriteDocument(_context.Stdout, new MintJson(session.Name, receipt.Purse.ToString(),
                PurseFormats.Json(receipt.AmountMoney), receipt.IssuerCounter, PurseFormats.Json(receipt.BalanceAfterMoney),
                store.JournalPath));
        }
        else
        {
            _context.Stdout.WriteLine(
                $"Minted {receipt.AmountMoney} into {session.Name} (purse {receipt.Purse}); balance {receipt.BalanceAfterMoney}; " +
                $"issuer counter {receipt.IssuerCounter}, recorded in the mint journal.");
        }
        return ExitCodes.Success;
    }
}
