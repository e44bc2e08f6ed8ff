using System.CommandLine;
using SmartCardCash.BankApi.Contracts;
using SmartCardCash.Cli.Commands;
using SmartCardCash.Cli.Output;
using SmartCardCash.DurableFiles;

namespace SmartCardCash.Cli.Bank;

/// <summary><c>scc bank account reissue-credential ID</c>: a new holder's credential for a lost one (operator). Its file
/// is checked writable before the bank is asked; the new credential replaces the old one's file, and the old one stops
/// working.</summary>
internal sealed class BankAccountReissueCredentialCommand : BankClientCommand
{
    private readonly Argument<string> _id = new("id") { Description = "The customer's or merchant's account, like customer.alice." };
    private readonly Option<string?> _credentialFile = new("--credential-file")
    {
        Description = "Where to save the new credential (mode 0600), replacing the old one there: the old one no longer works. " +
            "Default: $SCC_HOME/bank/credentials/ID.credential, where 'scc load' looks for it.",
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
        // The old credential is dead from now on: the new one takes its file, so whatever read the old file finds the new.
        string file = Path.GetFullPath(target);
        PrivateFiles.WriteAtomically(file, System.Text.Encoding.UTF8.GetBytes(reissued.HolderCredential + "\n"));
        run.Write(new BankCredentialReissuedJson(reissued.Account, file), () => Context.Stdout.WriteLine(
            $"Reissued the holder's credential of {reissued.Account.Id}: the new one is in {file} (mode 0600); give it to the holder. " +
            "The old one no longer works."));
        return ExitCodes.Success;
    }
}
