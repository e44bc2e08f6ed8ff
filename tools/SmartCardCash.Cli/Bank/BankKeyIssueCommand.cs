using System.CommandLine;
using SmartCardCash.BankApi;
using SmartCardCash.BankApi.Contracts;
using SmartCardCash.Cli.Commands;
using SmartCardCash.Cli.Errors;
using SmartCardCash.Cli.Output;

namespace SmartCardCash.Cli.Bank;

/// <summary><c>scc bank key issue</c>: a new API key. The bank gives it once; scc saves it in an owner-only file and
/// says where, and never prints it.</summary>
internal sealed class BankKeyIssueCommand : BankClientCommand
{
    private readonly Option<string?> _role = new("--role")
    {
        Description = $"{ApiRoles.Terminal} (loads, exception uploads, the hotlist), {ApiRoles.MerchantTerminal} (deposits into one " +
            $"merchant account) or {ApiRoles.Operator}.",
        HelpName = "role",
        Required = true,
    };
    private readonly Option<string?> _merchantAccount = new("--merchant-account")
    {
        Description = "The merchant account a merchant-terminal key acts for (that role only).",
        HelpName = "id",
    };
    private readonly Option<string?> _label = new("--label") { Description = "A name for the key, shown in 'scc bank key list'.", HelpName = "text" };
    private readonly Option<string?> _out = new("--out")
    {
        Description = "Where to save the key (mode 0600). Default: $SCC_HOME/bank/keys/KEYID.key.",
        HelpName = "file",
    };

    public BankKeyIssueCommand(GlobalOptions globals, CliContext context)
        : base(globals, context, "issue", BankHelpTexts.KeyIssueDescription)
    {
        Add(_role, _merchantAccount, _label, _out);
        AddConnectionOptions();
    }

    protected override int Execute(CommandRun run)
    {
        string role = run.Get(_role)!;
        if (!ApiRoles.All.Contains(role))
        {
            throw new UsageException($"--role: '{role}' is not {string.Join(", ", ApiRoles.All)}");
        }
        string? merchant = run.Get(_merchantAccount);
        if ((role == ApiRoles.MerchantTerminal) != (merchant is not null))
        {
            throw new UsageException(merchant is null
                ? "--merchant-account: a merchant-terminal key needs the merchant account it acts for"
                : $"--merchant-account: only a merchant-terminal key acts for an account, not {ApiRoles.WithArticle(role)} key");
        }
        IssuedKeyJson issued = Call(cancel => Connect(run).IssueKeyAsync(new IssueKeyRequest(role, merchant, run.Get(_label)), cancel));
        string file = BankHome.SaveSecret(run.Get(_out) ?? Path.Combine(BankHome.Directory(Context.Home), "keys", $"{issued.Key.Id}.key"),
            issued.Key.Id, issued.Token);
        run.Write(new BankKeyIssuedJson(issued.Key, file), () => Context.Stdout.WriteLine(
            $"Issued {issued.Key.Role} key {issued.Key.Id}{(merchant is null ? "" : $" for {merchant}")}, saved in {file} (mode 0600). " +
            "The bank keeps only its hash: this file is the only copy."));
        return ExitCodes.Success;
    }
}
