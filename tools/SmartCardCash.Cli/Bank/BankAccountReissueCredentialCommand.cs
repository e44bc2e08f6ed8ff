using System.CommandLine;
using SmartCardCash.BankApi.Contracts;
using SmartCardCash.Cli.Commands;
using SmartCardCash.Cli.Output;

namespace SmartCardCash.Cli.Bank;

/// <summary><c>scc bank account reissue-credential ID</c>: a new holder's credential for a lost one (operator). It is
/// saved like <c>account open</c>'s, checked writable before the bank is asked, and the old one stops working.</summary>
internal sealed class BankAccountReissueCredentialCommand : BankClientCommand
{
    private readonly Argument<string> _id = new("id") { Description = "The customer's or merchant's account, like customer.alice." };
    private readonly Option<string?> _credentialFile = new("--credential-file")
    {
        Description = "Where to save the new credential (mode 0600); an older file there is kept and the new one saved beside it. " +
            "Default: $SCC_HOME/bank/credentials/ID.credential.",
        HelpName = "file",
    };

    public BankAccountReissueCredentialCommand(GlobalOptions globals, CliContext context)
        : base(globals, context, "reissue-credential", BankHelpTexts.AccountReissueCredentialDescription)
    {
        Add(_id);
        Add(_credentialFile);
        AddConnectionOptions();
    }

    protected override int Execute(CommandRun run)
    {
        string id = run.Get(_id)!;
        string target = run.Get(_credentialFile) ?? BankHome.CredentialFile(Context.Home, id);
        BankHome.EnsureSecretCanBeSaved(target, "--credential-file", "the new credential");
        ReissuedCredentialJson reissued = Call(cancel => Connect(run).ReissueHolderCredentialAsync(id, cancel));
        string file = BankHome.SaveSecret(target, DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture),
            reissued.HolderCredential);
        run.Write(new BankCredentialReissuedJson(reissued.Account, file), () => Context.Stdout.WriteLine(
            $"Reissued the holder's credential of {reissued.Account.Id}: the new one is in {file} (mode 0600); give it to the holder. " +
            "The old one no longer works."));
        return ExitCodes.Success;
    }
}
