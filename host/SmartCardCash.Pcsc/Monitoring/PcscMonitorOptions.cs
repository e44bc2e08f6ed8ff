namespace SmartCardCash.Pcsc.Monitoring;

/// <summary>Tuning for <see cref="PcscMonitor"/>. The defaults suit interactive use.</summary>
public sealed class PcscMonitorOptions
{
    public PcscScope Scope { get; init; } = PcscScope.User;

    /// <summary>
    /// How often to re-list readers when the platform has no hot-plug notification (no \\?PnP?\Notification).
    /// </summary>
    public TimeSpan ReaderPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest single wait even with hot-plug notification. pcsc-lite only reports reader-count changes that
    /// happen during a wait, so a reader attached in the instant between listing and waiting would otherwise go
    /// unnoticed until the next event; each wait ends with a fresh listing.
    /// </summary>
    public TimeSpan MaxWaitInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>First delay before reconnecting to a lost service; doubled after each failure.</summary>
    public TimeSpan RetryInitialDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Upper bound of the reconnect delay.</summary>
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long Stop/Dispose wait for the monitor thread (from another thread) before giving up.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
