using System.CommandLine;
using System.Threading.Channels;
using SmartCardCash.Cli.Errors;
using SmartCardCash.Cli.Help;
using SmartCardCash.Cli.Logging;
using SmartCardCash.Cli.Output;
using SmartCardCash.Cli.Readers;
using SmartCardCash.Pcsc.Monitoring;

namespace SmartCardCash.Cli.Commands;

/// <summary>
/// <c>scc monitor</c>: prints reader and card events until interrupted. The monitor raises events on its own
/// thread; they are queued and written by the command's thread, so output lines never interleave.
/// </summary>
internal sealed class MonitorCommand
{
    private readonly GlobalOptions _globals;
    private readonly CliContext _context;

    public MonitorCommand(GlobalOptions globals, CliContext context)
    {
        _globals = globals;
        _context = context;
        Command = new Command("monitor", HelpTexts.MonitorDescription);
        Command.SetAction(Execute);
    }

    public Command Command { get; }

    private int Execute(ParseResult parseResult)
    {
        OutputSettings settings = _globals.Read(parseResult);
        var filter = ReaderFilter.FromEnvironment(_context.GetEnvironmentVariable);
        using var logging = CliLogging.Create(settings, _context);
        var queue = Channel.CreateUnbounded<MonitorRecord>(new UnboundedChannelOptions { SingleReader = true });

        void Post(string kind, string? reader, ReadOnlyMemory<byte> atr, PcscMonitorEventCause? cause, string? message)
        {
            if (reader is null || !filter.IsIgnored(reader))
            {
                queue.Writer.TryWrite(new MonitorRecord(_context.Time.GetLocalNow(), kind, reader, atr, cause, message));
            }
        }

        using var monitor = new PcscMonitor(_context.Pcsc, logger: logging.CreateLogger(CliLogging.PcscCategory));
        monitor.ReaderAttached += (_, e) => Post(MonitorRecord.ReaderAttached, e.ReaderName, default, e.Cause, null);
        monitor.ReaderDetached += (_, e) => Post(MonitorRecord.ReaderDetached, e.ReaderName, default, e.Cause, null);
        monitor.CardInserted += (_, e) => Post(MonitorRecord.CardInserted, e.ReaderName, e.Atr, e.Cause, null);
        monitor.CardRemoved += (_, e) => Post(MonitorRecord.CardRemoved, e.ReaderName, e.Atr, e.Cause, null);
        monitor.ServiceUnavailable += (_, e) => Post(MonitorRecord.ServiceLost, null, default, null,
            e.Error is null ? null : ErrorReporter.OneLine(e.Error.Message));
        monitor.ServiceAvailable += (_, _) => Post(MonitorRecord.ServiceBack, null, default, null, null);
        monitor.MonitorError += (_, e) => Post(MonitorRecord.Error, null, default, null, ErrorReporter.OneLine(e.Exception.Message));

        if (!settings.Json)
        {
            _context.Stderr.WriteLine("Watching smart card readers; press Ctrl+C to stop.");
        }
        monitor.Start();
        try
        {
            while (true)
            {
                while (queue.Reader.TryRead(out MonitorRecord? record))
                {
                    Write(record, settings.Json);
                }
                queue.Reader.WaitToReadAsync(_context.Interrupt).AsTask().GetAwaiter().GetResult();
            }
        }
        catch (OperationCanceledException) when (_context.Interrupt.IsCancellationRequested)
        {
            // Ctrl+C is how a monitor ends: not an error.
        }

        monitor.Stop();
        queue.Writer.TryComplete();
        while (queue.Reader.TryRead(out MonitorRecord? record))
        {
            Write(record, settings.Json);
        }
        return ExitCodes.Success;
    }

    private void Write(MonitorRecord record, bool json)
    {
        if (json)
        {
            JsonOutput.WriteLine(_context.Stdout, record.ToJson());
        }
        else
        {
            _context.Stdout.WriteLine(record.ToLine());
        }
    }
}
