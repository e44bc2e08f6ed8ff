using SmartCardCash.BankApi.Contracts;
using SmartCardCash.Cli.Commands;

namespace SmartCardCash.Cli.Bank;

/// <summary><c>scc bank key list</c>: every key, without secrets (the bank has none to show).</summary>
internal sealed class BankKeyListCommand : BankClientCommand
{
    public BankKeyListCommand(GlobalOptions globals, CliContext context)
        : base(globals, context, "list", BankHelpTexts.KeyListDescription)
    {
        AddConnectionOptions();
    }

    protected override int Execute(CommandRun run)
    {
        KeysJson keys = Call(cancel => Connect(run).ListKeysAsync(cancel));
        run.Write(keys, () => run.Console.Write(BankTables.Keys(keys.Keys)));
        return ExitCodes.Success;
    }
}
