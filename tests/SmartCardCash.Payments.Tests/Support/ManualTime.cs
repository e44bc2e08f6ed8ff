using SmartCardCash.Purse.Tests.Support;
namespace SmartCardCash.Payments.Tests.Support;

/// <summary>A clock that moves only when the test moves it (UTC), from <see cref="FixedTime.Instant"/>.</summary>
internal sealed class ManualTime : TimeProvider
{
    private DateTimeOffset _now = FixedTime.Instant;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
