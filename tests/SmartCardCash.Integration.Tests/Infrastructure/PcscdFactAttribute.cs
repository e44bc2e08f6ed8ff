namespace SmartCardCash.Integration.Tests.Infrastructure;

/// <summary>A test that needs the private pcscd with vpcd; skipped, with the reason, where that cannot run
/// (or failed, under SCC_REQUIRE_PCSCD=1).</summary>
public sealed class PcscdFactAttribute : FactAttribute
{
    public PcscdFactAttribute()
    {
        Skip = SuiteRequirement.SkipReason("PC/SC integration suite", PrivatePcscd.Unavailable);
    }
}
