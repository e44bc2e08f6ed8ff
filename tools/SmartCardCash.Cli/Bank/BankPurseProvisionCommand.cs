using System.CommandLine;
using SmartCardCash.BankApi.Contracts;
using SmartCardCash.Cli.Commands;
using SmartCardCash.Cli.Input;

namespace SmartCardCash.Cli.Bank;

/// <summary><c>scc bank purses provision</c>: the issuer the bank holds personalises a new bank purse, empty until a mint.</summary>
internal sealed class BankPurseProvisionCommand : BankClientCommand
{
    private readonly Option<string?> _currency = new("--currency") { Description = "The purse's currency.", HelpName = "code", Required = true };

    public BankPurseProvisionCommand(GlobalOptions globals, CliContext context)
        : base(globals, context, "provision", BankPaymentHelpTexts.PurseProvisionDescription)
    {
        Add(_currency);
        AddConnectionOptions();
    }

    protected override int Execute(CommandRun run)
    {
        string currency = MoneyInput.Currency(run.Get(_currency)).AlphaCode;
        BankPurseJson purse = Call(cancel => Connect(run).ProvisionBankPurseAsync(new ProvisionBankPurseRequest(currency), cancel));
        run.Write(purse, () => Context.Stdout.WriteLine(
            $"Provisioned bank purse {purse.Id} ({purse.Currency}), empty: 'scc bank purses mint --purse {purse.Id} --amount …' funds it."));
        return ExitCodes.Success;
    }
}
