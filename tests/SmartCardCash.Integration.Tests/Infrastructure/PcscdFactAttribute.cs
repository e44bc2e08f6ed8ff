namespace SmartCardCash.Integration.Tests.Infrastructure;

/// <summary>A test that needs the private pcscd with vpcd; skipped, with the reason, where that cannot run.</summary>
public sealed class PcscdFactAttribute : FactAttribute
{
    public PcscdFactAttribute()
    {
        if (PrivatePcscd.Unavailable is { } reason)
        {
            Skip = $"PC/SC integration suite skipped: {reason}";
        }
    }
}
