using System.CommandLine;
using SmartCardCash.BankApi.Contracts;
using SmartCardCash.Cli.Commands;

namespace SmartCardCash.Cli.Bank;

/// <summary><c>scc bank key revoke KEYID</c>: the key stops working at once; revoking it again changes nothing.</summary>
internal sealed class BankKeyRevokeCommand : BankClientCommand
{
    private readonly Argument<string> _id = new("key-id") { Description = "The key's ID: 16 hex digits, as 'scc bank key list' shows." };

    public BankKeyRevokeCommand(GlobalOptions globals, CliContext context)
        : base(globals, context, "revoke", BankHelpTexts.KeyRevokeDescription)
    {
        Add(_id);
        AddConnectionOptions();
    }

    protected override int Execute(CommandRun run)
    {
        ApiKeyJson revoked = Call(cancel => Connect(run).RevokeKeyAsync(run.Get(_id)!, cancel));
        run.Write(revoked, () => Context.Stdout.WriteLine(
            $"Key {revoked.Id} ({revoked.Role}) is revoked since {revoked.RevokedAt:u}: the bank refuses it from now on."));
        return ExitCodes.Success;
    }
}
