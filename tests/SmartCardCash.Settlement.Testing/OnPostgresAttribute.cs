using System.Reflection;
using Xunit.Sdk;

namespace SmartCardCash.Settlement.Testing;

/// <summary>Runs the theory on a fresh database of the private PostgreSQL server; where that cannot run, the case is
/// skipped with the reason (or fails, under SCC_REQUIRE_POSTGRES=1).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class OnPostgresAttribute : DataAttribute
{
    public OnPostgresAttribute()
    {
        Skip = PostgresRequirement.SkipReason;
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[StorageProvider.Postgres]];
}
