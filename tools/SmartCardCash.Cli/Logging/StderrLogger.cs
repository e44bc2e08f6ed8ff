using Microsoft.Extensions.Logging;

namespace SmartCardCash.Cli.Logging;

/// <summary>
/// One line per entry: "14:33:55.123 → 00 A4 04 00 …" for the APDU trace, "14:33:55.123 dbug pcsc: …" for the rest.
/// </summary>
internal sealed class StderrLogger(string category, TextWriter writer, TimeProvider time, Lock gate) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }
        string stamp = time.GetLocalNow().ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture);
        string message = formatter(state, exception);
        string line = category == CliLogging.TraceCategory
            ? $"{stamp} {message}"
            : $"{stamp} {Abbreviate(logLevel)} {category}: {message}";
        lock (gate)
        {
            writer.WriteLine(line);
            if (exception is not null)
            {
                writer.WriteLine(exception.ToString());
            }
        }
    }

    private static string Abbreviate(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        _ => "crit",
    };
}
