using System.CommandLine;
using SmartCardCash.BankApi.Contracts;
using SmartCardCash.Cli.Commands;

namespace SmartCardCash.Cli.Bank;

/// <summary><c>scc bank holder PURSE</c>: which account loaded a hotlisted purse (operator; anonymity revocation). The
/// bank refuses for a purse that is not on the hotlist, and logs each revocation.</summary>
internal sealed class BankHolderCommand : BankClientCommand
{
    private readonly Argument<string> _purse = new("purse") { Description = "The hotlisted purse's ID (16 hex digits)." };

    public BankHolderCommand(GlobalOptions globals, CliContext context)
        : base(globals, context, "holder", BankArchiveHelpTexts.HolderDescription)
    {
        Add(_purse);
        AddConnectionOptions();
    }

    protected override int Execute(CommandRun run)
    {
        PurseHolderJson holder = Call(cancel => Connect(run).PurseHolderAsync(run.Get(_purse)!, cancel));
        run.Write(holder, () => Context.Stdout.WriteLine(
            $"Purse {holder.Purse} (hotlisted: {holder.HotlistReason}) was loaded from account {holder.Account}."));
        return ExitCodes.Success;
    }
}
