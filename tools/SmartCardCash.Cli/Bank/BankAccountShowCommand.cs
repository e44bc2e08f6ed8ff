using System.CommandLine;
using SmartCardCash.BankApi.Contracts;
using SmartCardCash.Cli.Commands;

namespace SmartCardCash.Cli.Bank;

/// <summary><c>scc bank account show ID</c>: one account's balance and what it is.</summary>
internal sealed class BankAccountShowCommand : BankClientCommand
{
    private readonly Argument<string> _id = new("id") { Description = "The account's ID." };

    public BankAccountShowCommand(GlobalOptions globals, CliContext context)
        : base(globals, context, "show", BankHelpTexts.AccountShowDescription)
    {
        Add(_id);
        AddConnectionOptions();
    }

    protected override int Execute(CommandRun run)
    {
        AccountJson account = Call(cancel => Connect(run).GetAccountAsync(run.Get(_id)!, cancel));
        run.Write(account, () => run.Console.Write(BankTables.Account(account)));
        return ExitCodes.Success;
    }
}
