using System.CommandLine;
using SmartCardCash.Cli.Help;
using SmartCardCash.Cli.Logging;
using SmartCardCash.Cli.Output;
using SmartCardCash.Cli.Readers;
using SmartCardCash.Iso7816;
using SmartCardCash.Iso7816.Errors;
using SmartCardCash.Pcsc;
using SmartCardCash.Pcsc.Errors;
using Spectre.Console;

namespace SmartCardCash.Cli.Commands;

/// <summary><c>scc readers</c>: every reader, its card state, protocol and ATR.</summary>
internal sealed class ReadersCommand
{
    private readonly GlobalOptions _globals;
    private readonly CliContext _context;

    public ReadersCommand(GlobalOptions globals, CliContext context)
    {
        _globals = globals;
        _context = context;
        Command = new Command("readers", HelpTexts.ReadersDescription);
        Command.SetAction(Execute);
    }

    public Command Command { get; }

    private int Execute(ParseResult parseResult)
    {
        OutputSettings settings = _globals.Read(parseResult);
        var filter = ReaderFilter.FromEnvironment(_context.GetEnvironmentVariable);
        using var logging = CliLogging.Create(settings, _context);

        var rows = new List<ReaderRow>();
        int ignored = 0;
        using (PcscContext pcsc = PcscContext.Establish(_context.Pcsc, PcscScope.User,
                   logging.CreateLogger(CliLogging.PcscCategory)))
        {
            foreach (PcscReaderStatus status in pcsc.GetReaderStates())
            {
                _context.Interrupt.ThrowIfCancellationRequested();
                if (filter.IsIgnored(status.ReaderName))
                {
                    ignored++;
                    continue;
                }
                rows.Add(Describe(pcsc, status));
            }
        }

        if (settings.Json)
        {
            JsonOutput.WriteDocument<IReadOnlyList<ReaderJson>>(_context.Stdout, [.. rows.Select(r => r.ToJson())]);
        }
        else
        {
            WriteTable(rows, filter.DescribeIgnored(ignored).Trim());
        }
        return ExitCodes.Success;
    }

    /// <summary>The state bits say whether a card is there; only a brief connection tells the protocol.</summary>
    private static ReaderRow Describe(PcscContext pcsc, PcscReaderStatus status)
    {
        string name = status.ReaderName;
        if (!status.IsCardPresent)
        {
            bool empty = (status.State & PcscReaderStateFlags.Empty) != 0;
            return new ReaderRow(name, empty ? ReaderCardState.Empty : ReaderCardState.Unavailable, default, CardProtocol.Unknown);
        }
        if (status.IsCardMute)
        {
            return new ReaderRow(name, ReaderCardState.Mute, status.Atr, CardProtocol.Unknown);
        }
        if (status.IsExclusive)
        {
            return new ReaderRow(name, ReaderCardState.InUse, status.Atr, CardProtocol.Unknown);
        }
        try
        {
            using PcscCard card = pcsc.Connect(name, PcscShareMode.Shared, PcscProtocols.Any);
            ReadOnlyMemory<byte> atr = card.Atr.IsEmpty ? status.Atr : card.Atr;
            return new ReaderRow(name, ReaderCardState.Present, atr, card.Protocol);
        }
        catch (PcscSharingViolationException)
        {
            return new ReaderRow(name, ReaderCardState.InUse, status.Atr, CardProtocol.Unknown);
        }
        catch (SmartCardException e) when (e is not CardServiceUnavailableException)
        {
            // The card is there by the state bits but would not take a connection (pulled out just now, or it does
            // not speak T=0/T=1): show what is known rather than fail the whole listing.
            return new ReaderRow(name, ReaderCardState.Present, status.Atr, CardProtocol.Unknown);
        }
    }

    private void WriteTable(List<ReaderRow> rows, string ignoredNote)
    {
        IAnsiConsole console = ConsoleFactory.Create(_context.Stdout, _context.IsTerminal);
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("Reader");
        table.AddColumn("Card");
        table.AddColumn("Protocol");
        table.AddColumn("ATR");
        foreach (ReaderRow row in rows)
        {
            table.AddRow(
                new Text(row.Name),
                new Text(row.StateText, row.State == ReaderCardState.Present ? new Style(Color.Green) : Style.Plain),
                new Text(Formats.Protocol(row.Protocol) ?? string.Empty),
                new Text(row.Atr.IsEmpty ? string.Empty : Hex.Encode(row.Atr.Span)));
        }
        console.Write(table);
        if (rows.Count == 0)
        {
            console.Write(new Text(
                $"No smart card reader found{(ignoredNote.Length > 0 ? " " + ignoredNote : string.Empty)}. " +
                "Plug one in; pcscd picks it up by itself.\n"));
        }
        else if (ignoredNote.Length > 0)
        {
            console.Write(new Text($"Not shown: {ignoredNote.Trim('(', ')')}.\n"));
        }
    }
}
