namespace SmartCardCash.Cli.Tests.Support;

/// <summary>A clock stopped at one instant, in UTC, so timestamps in the output are predictable.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public static readonly DateTimeOffset Instant = new(2025, 11, 25, 14, 33, 55, 123, TimeSpan.Zero);

    public FixedTimeProvider() : this(Instant)
    {
    }

    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
