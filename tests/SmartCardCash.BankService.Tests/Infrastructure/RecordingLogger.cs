using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SmartCardCash.BankService.Tests.Infrastructure;

/// <summary>One category's logger of <see cref="RecordingLoggerProvider"/>: every line, at every level, with its exception.</summary>
internal sealed class RecordingLogger(string category, ConcurrentQueue<string> lines) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
}
