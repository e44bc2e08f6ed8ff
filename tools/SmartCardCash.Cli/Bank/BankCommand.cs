using System.CommandLine;

namespace SmartCardCash.Cli.Bank;

/// <summary><c>scc bank</c>: the bank service (serve) and its operators' commands, for <see cref="CliApplication"/>.</summary>
internal sealed class BankCommand
{
    public BankCommand(GlobalOptions globals, CliContext context)
    {
        Serve = new BankServeCommand(globals, context).Command;
        var account = new Command("account", BankHelpTexts.AccountDescription)
        {
            new BankAccountOpenCommand(globals, context).Command,
            new BankAccountReissueCredentialCommand(globals, context).Command,
            new BankAccountShowCommand(globals, context).Command,
            new BankAccountListCommand(globals, context).Command,
        };
        var key = new Command("key", BankHelpTexts.KeyDescription)
        {
            new BankKeyIssueCommand(globals, context).Command,
            new BankKeyRevokeCommand(globals, context).Command,
            new BankKeyListCommand(globals, context).Command,
        };
        Exceptions = new BankExceptionsCommand(globals, context).Command;
        var hotlist = new Command("hotlist", BankArchiveHelpTexts.BankHotlistDescription)
        {
            new BankHotlistReportCommand(globals, context).Command,
            new BankHotlistListCommand(globals, context).Command,
        };
        var lost = new Command("lost", BankArchiveHelpTexts.LostDescription)
        {
            new BankLostListCommand(globals, context).Command,
            new BankLostRefundCommand(globals, context).Command,
        };
        var purses = new Command("purses", BankPaymentHelpTexts.PursesDescription)
        {
            new BankPurseProvisionCommand(globals, context).Command,
            new BankPurseMintCommand(globals, context).Command,
            new BankPurseListCommand(globals, context).Command,
        };
        Load = new LoadCommand(globals, context).Command;
        Deposit = new DepositCommand(globals, context).Command;
        Command = new Command("bank", BankHelpTexts.BankDescription)
        {
            Serve,
            account,
            new BankCashInCommand(globals, context).Command,
            new BankAuditCommand(globals, context).Command,
            key,
            new BankClearCommand(globals, context).Command,
            Exceptions,
            hotlist,
            lost,
            new BankHolderCommand(globals, context).Command,
            purses,
        };
    }

    /// <summary><c>scc load</c>, at the top level: a terminal's command, not the operator's.</summary>
    public Command Load { get; }

    /// <summary><c>scc deposit</c>, at the top level.</summary>
    public Command Deposit { get; }

    public Command Command { get; }

    public Command Serve { get; }

    /// <summary><c>scc bank exceptions</c>, whose help has an epilog.</summary>
    public Command Exceptions { get; }
}
