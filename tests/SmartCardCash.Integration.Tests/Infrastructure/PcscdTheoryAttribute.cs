namespace SmartCardCash.Integration.Tests.Infrastructure;

/// <summary>A theory that needs the private pcscd with vpcd; skipped, with the reason, where that cannot run.</summary>
public sealed class PcscdTheoryAttribute : TheoryAttribute
{
    public PcscdTheoryAttribute()
    {
        if (PrivatePcscd.Unavailable is { } reason)
        {
            Skip = $"PC/SC integration suite skipped: {reason}";
        }
    }
}
