using System.Threading.Channels;
using SmartCardCash.Cli.Errors;
using SmartCardCash.Cli.Help;
using SmartCardCash.Cli.Output;
using SmartCardCash.Cli.Readers;
using SmartCardCash.Pcsc.Monitoring;

namespace SmartCardCash.Cli.Commands;

/// <summary>
/// <c>scc monitor</c>: prints reader and card events until interrupted. The monitor raises events on its own
/// thread; they are queued and written by the command's thread, so output lines never interleave.
/// </summary>
internal sealed class MonitorCommand(GlobalOptions globals, CliContext context)
    : CliCommand(globals, context, "monitor", HelpTexts.MonitorDescription)
{
    protected override int Execute(CommandRun run)
    {
        bool json = run.Settings.Json;
        ReaderFilter filter = run.ReaderFilter;
        var queue = Channel.CreateUnbounded<MonitorRecord>(new UnboundedChannelOptions { SingleReader = true });

        void Post(string kind, string? reader, ReadOnlyMemory<byte> atr, PcscMonitorEventCause? cause, string? message)
        {
            if (reader is null || !filter.IsIgnored(reader))
            {
                queue.Writer.TryWrite(new MonitorRecord(Context.Time.GetLocalNow(), kind, reader, atr, cause, message));
            }
        }

        using var monitor = new PcscMonitor(Context.Pcsc, logger: run.PcscLogger);
        monitor.ReaderAttached += (_, e) => Post(MonitorRecord.ReaderAttached, e.ReaderName, default, e.Cause, null);
        monitor.ReaderDetached += (_, e) => Post(MonitorRecord.ReaderDetached, e.ReaderName, default, e.Cause, null);
        monitor.CardInserted += (_, e) => Post(MonitorRecord.CardInserted, e.ReaderName, e.Atr, e.Cause, null);
        monitor.CardRemoved += (_, e) => Post(MonitorRecord.CardRemoved, e.ReaderName, e.Atr, e.Cause, null);
        monitor.ServiceUnavailable += (_, e) => Post(MonitorRecord.ServiceLost, null, default, null,
            e.Error is null ? null : ErrorReporter.OneLine(e.Error.Message));
        monitor.ServiceAvailable += (_, _) => Post(MonitorRecord.ServiceBack, null, default, null, null);
        monitor.MonitorError += (_, e) => Post(MonitorRecord.Error, null, default, null, ErrorReporter.OneLine(e.Exception.Message));

        if (!json)
        {
            Context.Stderr.WriteLine("Watching smart card readers; press Ctrl+C to stop.");
        }
        monitor.Start();
        try
        {
            while (true)
            {
                while (queue.Reader.TryRead(out MonitorRecord? record))
                {
                    Write(record, json);
                }
                queue.Reader.WaitToReadAsync(Context.Interrupt).AsTask().GetAwaiter().GetResult();
            }
        }
        catch (OperationCanceledException) when (Context.Interrupt.IsCancellationRequested)
        {
            // Ctrl+C is how a monitor ends: not an error.
        }

        monitor.Stop();
        queue.Writer.TryComplete();
        while (queue.Reader.TryRead(out MonitorRecord? record))
        {
            Write(record, json);
        }
        return ExitCodes.Success;
    }

    private void Write(MonitorRecord record, bool json)
    {
        if (json)
        {
            JsonOutput.WriteLine(Context.Stdout, record.ToJson());
        }
        else
        {
            Context.Stdout.WriteLine(record.ToLine());
        }
    }
}
