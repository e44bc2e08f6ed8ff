using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace SmartCardCash.Emulator.Vpcd.Tests.Fakes;

/// <summary>Writes a bridge's log into the test's output, so a failing integration test shows what the slots did.</summary>
internal sealed class TestOutputLogger(ITestOutputHelper output) : ILogger, ILoggerFactory
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }
        try
        {
            output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel}: {formatter(state, exception)}{(exception is null ? "" : " — " + exception.Message)}");
        }
        catch (InvalidOperationException)
        {
            // The test has finished; a slot still logging its shutdown has nowhere to write.
        }
    }

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException("the test logger has no providers");

    public void Dispose()
    {
    }
}
