using SmartCardCash.Cli.Help;
using SmartCardCash.Cli.Output;
using SmartCardCash.Cli.Readers;
using SmartCardCash.Iso7816;
using SmartCardCash.Iso7816.Errors;
using SmartCardCash.Pcsc;
using SmartCardCash.Pcsc.Errors;
using Spectre.Console;

namespace SmartCardCash.Cli.Commands;

/// <summary><c>scc readers</c>: every reader, its card state, protocol and ATR.</summary>
internal sealed class ReadersCommand(GlobalOptions globals, CliContext context)
    : CliCommand(globals, context, "readers", HelpTexts.ReadersDescription)
{
    protected override int Execute(CommandRun run)
    {
        ReaderFilter filter = run.ReaderFilter;
        var rows = new List<ReaderRow>();
        int ignored = 0;
        using (PcscContext pcsc = run.EstablishPcsc())
        {
            foreach (PcscReaderStatus status in pcsc.GetReaderStates())
            {
                Context.Interrupt.ThrowIfCancellationRequested();
                if (filter.IsIgnored(status.ReaderName))
                {
                    ignored++;
                    continue;
                }
                rows.Add(Describe(pcsc, status));
            }
        }

        run.Write<IReadOnlyList<ReaderJson>>([.. rows.Select(r => r.ToJson())],
            () => WriteTable(run.Console, rows, filter.DescribeIgnored(ignored).Trim()));
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

    private static void WriteTable(IAnsiConsole console, List<ReaderRow> rows, string ignoredNote)
    {
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
