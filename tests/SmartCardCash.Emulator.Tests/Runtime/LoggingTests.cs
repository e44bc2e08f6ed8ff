using Microsoft.Extensions.Logging;

namespace SmartCardCash.Emulator.Tests.Runtime;

public sealed class LoggingTests
{
    private sealed class ListLogger : ILogger
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }

    [Fact]
    public void The_card_logs_power_events_exchanges_and_applet_misbehaviour()
    {
        var logger = new ListLogger();
        var card = new EmulatedCard(CardProfile.Default, new EmulatedCardOptions { Logger = logger });
        card.Install(CounterApplet.Aid, CounterApplet.TypeName, CounterApplet.Factory(new ProbeLog()), 64);
        card.PowerOnAndSelectCounter();
        card.Send("8030030000");
        card.PowerOff();

        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Information && e.Message.StartsWith("card powered on (ContactT1)", StringComparison.Ordinal));
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Trace && e.Message == "C-APDU 8030030000 -> R-APDU 9000");
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("left a transaction open", StringComparison.Ordinal));
        Assert.Equal("card powered off", logger.Entries[^1].Message);
    }
}
