namespace SmartCardCash.Payments.Tests.Support;

/// <summary>A clock stopped at one instant (UTC): certificate dates and expiry checks are predictable.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public static readonly DateTimeOffset Instant = new(2026, 1, 10, 9, 30, 0, TimeSpan.Zero);

    public FixedTime() : this(Instant)
    {
    }

    public override DateTimeOffset GetUtcNow() => now;
}
