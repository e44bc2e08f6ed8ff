using System.CommandLine;
using SmartCardCash.BankApi.Contracts;
using SmartCardCash.Cli.Commands;

namespace SmartCardCash.Cli.Bank;

/// <summary><c>scc bank hotlist report PURSE --note TEXT</c>: the operator lists a purse reported lost or stolen.</summary>
internal sealed class BankHotlistReportCommand : BankClientCommand
{
    private readonly Argument<string> _purse = new("purse") { Description = "The purse ID (16 hex digits)." };
    private readonly Option<string?> _note = new("--note")
    {
        Description = "Why, kept as the entry's evidence (reported stolen at branch 12…).",
        HelpName = "text",
        Required = true,
    };

    public BankHotlistReportCommand(GlobalOptions globals, CliContext context)
        : base(globals, context, "report", BankArchiveHelpTexts.HotlistReportDescription)
    {
        Add(_purse);
        Add(_note);
        AddConnectionOptions();
    }

    protected override int Execute(CommandRun run)
    {
        HotlistReportJson reported = Call(cancel => Connect(run).ReportHotlistAsync(new HotlistReportRequest(run.Get(_purse), run.Get(_note)), cancel));
        run.Write(reported, () => Context.Stdout.WriteLine(reported.AlreadyListed
            ? $"Purse {reported.Entry.Purse} was on the hotlist already ({reported.Entry.Reason}, since version {reported.Entry.Version}); nothing changed."
            : $"Purse {reported.Entry.Purse} is on the hotlist from version {reported.Entry.Version}; terminals refuse it once they fetch it."));
        return ExitCodes.Success;
    }
}
