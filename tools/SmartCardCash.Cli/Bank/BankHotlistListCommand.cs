using SmartCardCash.BankApi.Contracts;
using SmartCardCash.Cli.Commands;
using SmartCardCash.Cli.Output;
using Spectre.Console;

namespace SmartCardCash.Cli.Bank;

/// <summary><c>scc bank hotlist list</c>: every hotlisted purse with its reason and evidence (operator).</summary>
internal sealed class BankHotlistListCommand : BankClientCommand
{
    public BankHotlistListCommand(GlobalOptions globals, CliContext context)
        : base(globals, context, "list", BankArchiveHelpTexts.HotlistListDescription)
    {
        AddConnectionOptions();
    }

    protected override int Execute(CommandRun run)
    {
        HotlistEntriesJson list = Call(cancel => Connect(run).HotlistEntriesAsync(cancel));
        run.Write(list, () =>
        {
            Table table = PurseTables.Create("Purse", "Reason", "Version", "Added", "Evidence");
            foreach (HotlistEntryJson entry in list.Entries)
            {
                table.AddRow(entry.Purse, entry.Reason, entry.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    entry.Added.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(entry.Evidence));
            }
            run.Console.Write(table);
            Context.Stdout.WriteLine(list.Entries.Count == 0
                ? $"The hotlist (version {list.Version}) is empty."
                : $"{list.Entries.Count} {(list.Entries.Count == 1 ? "purse" : "purses")} on the hotlist, version {list.Version}.");
        });
        return ExitCodes.Success;
    }
}
