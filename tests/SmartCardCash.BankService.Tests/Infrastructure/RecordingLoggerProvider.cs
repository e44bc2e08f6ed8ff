using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SmartCardCash.BankService.Tests.Infrastructure;

/// <summary>Keeps every line the service logs (with exceptions), so a test can prove no secret is in them.</summary>
public sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new RecordingLogger(categoryName, _lines);

    public void Dispose()
    {
    }
}
