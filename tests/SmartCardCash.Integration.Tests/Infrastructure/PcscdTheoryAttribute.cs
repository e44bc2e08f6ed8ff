namespace SmartCardCash.Integration.Tests.Infrastructure;

/// <summary>A theory that needs the private pcscd with vpcd; skipped, with the reason, where that cannot run
/// (or failed, under SCC_REQUIRE_PCSCD=1).</summary>
public sealed class PcscdTheoryAttribute : TheoryAttribute
{
    public PcscdTheoryAttribute()
    {
        Skip = SuiteRequirement.SkipReason("PC/SC integration suite", PrivatePcscd.Unavailable);
    }
}
