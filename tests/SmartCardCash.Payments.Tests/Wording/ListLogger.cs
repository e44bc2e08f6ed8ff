using Microsoft.Extensions.Logging;

namespace SmartCardCash.Payments.Tests.Wording;

/// <summary>Keeps every log line a payment writes, so that a transcript pins the log as well as the outcome.</summary>
internal sealed class ListLogger : ILogger
{
    public List<string> Lines { get; } = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        Lines.Add($"{logLevel} {eventId.Id}: {formatter(state, exception)}");
    }
}
