namespace SmartCardCash.Settlement.Testing;

/// <summary>
/// One private PostgreSQL server for the whole test run, started when the first PostgreSQL test asks for it and
/// stopped at the end; every test gets a fresh database (<see cref="Create"/>), on it or in a SQLite file.
/// </summary>
public sealed class BankStorageFixture : IDisposable
{
    private readonly Lazy<PrivatePostgres> _postgres = new(StartPostgres);

    public PrivatePostgres Postgres => _postgres.Value;

    public TestBank Create(StorageProvider provider, TimeProvider? time = null) => provider == StorageProvider.Postgres
        ? TestBank.OnPostgres(Postgres, time)
        : TestBank.OnSqlite(time);

    public void Dispose()
    {
        if (_postgres.IsValueCreated)
        {
            _postgres.Value.Dispose();
        }
    }

    private static PrivatePostgres StartPostgres() =>
        PrivatePostgres.Unavailable is string reason ? throw PostgresRequirement.Unmet(reason) : new PrivatePostgres();
}
