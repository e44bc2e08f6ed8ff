using Microsoft.Extensions.Logging;

namespace SmartCardCash.Iso7816.Tests.Support;

/// <summary>An ILogger that keeps every entry it is enabled for, formatted as the console would print it.</summary>
internal sealed class CapturingLogger(LogLevel minimumLevel = LogLevel.Trace) : ILogger
{
    public List<Entry> Entries { get; } = [];

    public IEnumerable<string> Messages => Entries.Select(e => e.Message);

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= minimumLevel;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }
        var properties = state as IEnumerable<KeyValuePair<string, object?>>;
        Entries.Add(new Entry(logLevel, eventId, formatter(state, exception), exception,
            properties?.ToDictionary(p => p.Key, p => p.Value) ?? []));
    }

    public sealed record Entry(LogLevel Level, EventId EventId, string Message, Exception? Exception,
        Dictionary<string, object?> Properties);
}
