namespace SmartCardCash.Settlement.Testing;

/// <summary>A test that starts a PostgreSQL server of its own; skipped with the reason where that cannot run (or
/// failed, under SCC_REQUIRE_POSTGRES=1).</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        Skip = PostgresRequirement.SkipReason;
    }
}
