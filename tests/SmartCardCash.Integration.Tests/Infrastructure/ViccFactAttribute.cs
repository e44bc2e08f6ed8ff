namespace SmartCardCash.Integration.Tests.Infrastructure;

/// <summary>A test that needs the private pcscd and vsmartcard's vicc; skipped, with the reason, where either cannot
/// run (or failed, under SCC_REQUIRE_PCSCD=1).</summary>
public sealed class ViccFactAttribute : FactAttribute
{
    public ViccFactAttribute()
    {
        Skip = SuiteRequirement.SkipReason("PC/SC integration suite (vicc)", PrivatePcscd.Unavailable ?? ViccCard.Unavailable);
    }
}
