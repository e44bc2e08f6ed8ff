using System.Reflection;
using Xunit.Sdk;

namespace SmartCardCash.Settlement.Testing;

/// <summary>Runs the theory on a fresh SQLite file (with <see cref="OnPostgresAttribute"/>: on both databases).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class OnSqliteAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[StorageProvider.Sqlite]];
}
