using System.CommandLine;
using System.Globalization;
using SmartCardCash.Cli.Cards;
using SmartCardCash.Cli.Help;
using SmartCardCash.Cli.Output;
using SmartCardCash.Iso7816;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Spec;
using Spectre.Console;

namespace SmartCardCash.Cli.Commands;

/// <summary><c>scc log</c>: the transaction log (default), the exception log, or the transfer in progress.</summary>
internal sealed class LogCommand : PurseCommand
{
    private readonly Option<bool> _transactions = new("--transactions")
    {
        Description = "The last 10 completed transfers and mints, most recent first (the default).",
    };
    private readonly Option<bool> _exceptions = new("--exceptions")
    {
        Description = "The exception log: transfers that may have lost value, each signed by the purse and checked here. " +
            "The card aborts a transfer in progress before it reads this log (spec 4.3), so while one is in progress scc " +
            "refuses (exit 5) unless --abort-transfer is given.",
    };
    private readonly Option<bool> _abortTransfer = TransferGuard.CreateOption();
    private readonly Option<bool> _pending = new("--pending")
    {
        Description = "The transfer state, the payment details of the last transfer started and the message RESUME would re-send. Changes nothing.",
    };

    public LogCommand(GlobalOptions globals, CliContext context)
        : base(globals, context, "log", HelpTexts.LogDescription)
    {
        Add(_transactions, _exceptions, _pending, _abortTransfer);
    }

    protected override int Execute(CommandRun run)
    {
        bool exceptions = run.Get(_exceptions);
        bool pending = run.Get(_pending);
        if ((run.Get(_transactions) ? 1 : 0) + (exceptions ? 1 : 0) + (pending ? 1 : 0) > 1)
        {
            throw new Errors.UsageException("choose one of --transactions, --exceptions and --pending");
        }
        bool abortTransfer = run.Get(_abortTransfer);
        if (abortTransfer && !exceptions)
        {
            // Only reading the exception log aborts; elsewhere the flag would promise something that never happens.
            throw new Errors.UsageException("--abort-transfer goes with --exceptions: only reading the exception log aborts a transfer");
        }
        using PurseConnection card = OpenCard(run);
        PurseFci fci = card.Purse.Select();
        string? purseId = fci.PurseId?.ToString();

        if (exceptions)
        {
            // Reading the log would abort a transfer that scc recover could still finish: look first (GET DATA changes nothing).
            AbortedTransfer? aborted = TransferGuard.Check(card, abortTransfer, "reading its exception log");
            IReadOnlyList<ExceptionLogEntry> entries = card.Purse.ReadExceptionLog();
            run.Write(new LogJson(card.Name, purseId, "exceptions", null, [.. entries.Select(ToJson)], null, null, null, aborted?.Json), () =>
            {
                if (aborted is not null)
                {
                    Context.Stdout.WriteLine(aborted.Text);
                }
                WriteExceptions(run.Console, card, purseId, entries);
            });
        }
        else if (pending)
        {
            PendingTransfer transfer = card.Purse.GetPendingTransfer();
            ProtectedMessage? message = card.Purse.Resume();
            run.Write(new LogJson(card.Name, purseId, "pending", null, null, PurseFormats.TransferState(transfer.State),
                    transfer.Details is null ? null : ToJson(transfer.Details),
                    message is null ? null : PurseFormats.MessageType(message.Type), null),
                () => WritePending(run.Console, card, purseId, transfer, message));
        }
        else
        {
            IReadOnlyList<TransactionLogEntry> entries = card.Purse.ReadTransactionLog();
            run.Write(new LogJson(card.Name, purseId, "transactions", [.. entries.Select(e => ToJson(e, fci.PurseId))], null,
                    null, null, null, null),
                () => WriteTransactions(run.Console, card, purseId, entries, fci.PurseId));
        }
        return ExitCodes.Success;
    }

    private static void WriteTransactions(IAnsiConsole console, PurseConnection card, string? purseId, IReadOnlyList<TransactionLogEntry> entries, PurseId? self)
    {
        console.Write(new Text($"{card.Name}, purse {purseId}: transaction log, most recent first\n"));
        console.Write(TransactionLogTable.Create(entries, self));
        if (entries.Count == 0)
        {
            console.Write(new Text("No transfers yet.\n"));
        }
    }

    private static void WriteExceptions(IAnsiConsole console, PurseConnection card, string? purseId, IReadOnlyList<ExceptionLogEntry> entries)
    {
        console.Write(new Text($"{card.Name}, purse {purseId}: exception log, oldest first, every signature verified\n"));
        Table table = PurseTables.Create("#", "Reason", "From", "To", "Amount", "From seq", "To seq");
        foreach (int column in new[] { 0, 4, 5, 6 })
        {
            table.Columns[column].RightAligned();
        }
        foreach (ExceptionLogEntry entry in entries)
        {
            PaymentDetails pd = entry.Record.Details;
            table.AddRow(Number(entry.Index), PurseFormats.ExceptionReason(entry.Record.Reason), pd.From.ToString(),
                pd.To.ToString(), new Money(pd.Currency, pd.Value).ToString(), Number(pd.FromSeq), Number(pd.ToSeq));
        }
        console.Write(table);
        if (entries.Count == 0)
        {
            console.Write(new Text("The exception log is empty: no value is in doubt.\n"));
        }
    }

    private static void WritePending(IAnsiConsole console, PurseConnection card, string? purseId, PendingTransfer transfer, ProtectedMessage? message)
    {
        var rows = new List<(string, string)>
        {
            ("Card", $"{card.Name}, purse {purseId}"),
            ("Transfer state", PurseFormats.TransferState(transfer.State)),
        };
        if (transfer.Details is PaymentDetails pd)
        {
            rows.Add(("Last transfer", $"{pd.From} -> {pd.To}, {new Money(pd.Currency, pd.Value)}"));
            rows.Add(("Sequence numbers", $"from {pd.FromSeq}, to {pd.ToSeq}"));
            if (pd.HasOrderDigest)
            {
                rows.Add(("Order digest", Hex.Encode(pd.OrderDigest.Span)));
            }
        }
        else
        {
            rows.Add(("Last transfer", "none ever started"));
        }
        rows.Add(("Pending message", PendingMessage(transfer.State, message)));
        console.Write(PurseTables.Properties(rows));
    }

    /// <summary>
    /// In idle a purse still keeps the last message of its last transfer (a payer its val, a payee its ack), which RESUME
    /// would re-send; that is not a transfer in progress and must not read like one.
    /// </summary>
    private static string PendingMessage(TransferState state, ProtectedMessage? message) => (state, message) switch
    {
        (TransferState.Idle, null) => "none: no transfer in progress, RESUME has nothing to re-send",
        (TransferState.Idle, _) => $"none: no transfer in progress (RESUME would only re-send the last transfer's " +
            $"{PurseFormats.MessageType(message.Type)})",
        (_, null) => "none (RESUME has nothing to re-send)",
        _ => $"{PurseFormats.MessageType(message.Type)} (RESUME re-sends it)",
    };

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static TransactionJson ToJson(TransactionLogEntry entry, PurseId? self)
    {
        PaymentDetails pd = entry.Record.Details;
        return new TransactionJson(entry.Index, PurseFormats.TransactionType(entry.Record.Type), TransactionLogTable.Counterparty(entry.Record, self),
            PurseFormats.Json(new Money(pd.Currency, pd.Value)), pd.FromSeq, pd.ToSeq,
            PurseFormats.Json(new Money(pd.Currency, entry.Record.BalanceAfter)),
            pd.HasOrderDigest ? Hex.Encode(pd.OrderDigest.Span) : null);
    }

    private static ExceptionRecordJson ToJson(ExceptionLogEntry entry)
    {
        PaymentDetails pd = entry.Record.Details;
        return new ExceptionRecordJson(entry.Index, PurseFormats.ExceptionReason(entry.Record.Reason), pd.From.ToString(),
            pd.To.ToString(), PurseFormats.Json(new Money(pd.Currency, pd.Value)), pd.FromSeq, pd.ToSeq,
            Hex.Encode(entry.Signature.Span));
    }

    private static PaymentJson ToJson(PaymentDetails pd) => new(pd.From.ToString(), pd.To.ToString(),
        PurseFormats.Json(new Money(pd.Currency, pd.Value)), pd.FromSeq, pd.ToSeq,
        pd.HasOrderDigest ? Hex.Encode(pd.OrderDigest.Span) : null);
}
