namespace SmartCardCash.Integration.Tests.Infrastructure;

/// <summary>
/// Whether a missing prerequisite skips a test or fails it. Locally a missing pcscd skips the suite by name; CI sets
/// SCC_REQUIRE_PCSCD=1 so that a machine where the suite cannot run turns red instead of passing with it skipped.
/// </summary>
internal static class SuiteRequirement
{
    public const string VariableName = "SCC_REQUIRE_PCSCD";

    public static bool Required => Environment.GetEnvironmentVariable(VariableName) == "1";

    /// <summary>The skip text for <paramref name="unavailableReason"/>, or null when the test must run (and fail).</summary>
    public static string? SkipReason(string suite, string? unavailableReason) =>
        unavailableReason is null || Required ? null : $"{suite} skipped: {unavailableReason}";

    public static InvalidOperationException Unmet(string unavailableReason) =>
        new($"{VariableName}=1 but the private pcscd cannot run here: {unavailableReason}");
}
