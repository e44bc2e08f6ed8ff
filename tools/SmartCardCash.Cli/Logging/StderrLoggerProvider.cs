using Microsoft.Extensions.Logging;

namespace SmartCardCash.Cli.Logging;

/// <summary>
/// Writes log entries synchronously, one line each, to a TextWriter (stderr). The console logger of
/// Microsoft.Extensions.Logging writes from a background queue to the real console, which would reorder the trace
/// against the command's own output and cannot be captured in tests.
/// </summary>
internal sealed class StderrLoggerProvider(TextWriter writer, TimeProvider time) : ILoggerProvider
{
    private readonly Lock _gate = new();

    public ILogger CreateLogger(string categoryName) => new StderrLogger(categoryName, writer, time, _gate);

    public void Dispose()
    {
    }
}
