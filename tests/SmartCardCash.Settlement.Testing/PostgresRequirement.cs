namespace SmartCardCash.Settlement.Testing;

/// <summary>
/// Whether a PostgreSQL server that cannot run here skips the PostgreSQL tests (by name, with the reason) or fails
/// them. Locally it skips; CI sets SCC_REQUIRE_POSTGRES=1, so a machine where PostgreSQL cannot run turns red instead of
/// passing with half the storage tests left out.
/// </summary>
public static class PostgresRequirement
{
    public const string VariableName = "SCC_REQUIRE_POSTGRES";

    public static bool Required => Environment.GetEnvironmentVariable(VariableName) == "1";

    /// <summary>The skip text, or null when the PostgreSQL tests must run (and fail if the server cannot).</summary>
    public static string? SkipReason =>
        PrivatePostgres.Unavailable is string reason && !Required ? $"PostgreSQL tests skipped: {reason}" : null;

    public static InvalidOperationException Unmet(string reason) =>
        new($"{VariableName}=1 but the private PostgreSQL server cannot run here: {reason}");
}
