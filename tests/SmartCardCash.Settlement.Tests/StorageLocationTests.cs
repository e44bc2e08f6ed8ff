using Npgsql;

namespace SmartCardCash.Settlement.Tests;

/// <summary>What <c>--db</c> may say: a SQLite path, a postgres:// URL or a Host=… connection string.</summary>
public sealed class StorageLocationTests
{
    [Fact]
    public void A_postgres_URL_is_PostgreSQL_with_its_user_password_host_port_database_and_parameters()
    {
        StorageLocation location = StorageLocation.Parse("postgres://bank%40ops:p%3Ass@db.example:6543/books?sslmode=disable&application_name=scc");

        var builder = new NpgsqlConnectionStringBuilder(location.ConnectionString);
        Assert.Equal(StorageProvider.Postgres, location.Provider);
        Assert.Equal(("bank@ops", "p:ss", "db.example", 6543, "books", SslMode.Disable, "scc"),
            (builder.Username, builder.Password, builder.Host, builder.Port, builder.Database, builder.SslMode, builder.ApplicationName));
        Assert.Equal("PostgreSQL at db.example:6543, database books", location.Server);
        Assert.Equal(5432, new NpgsqlConnectionStringBuilder(StorageLocation.Parse("postgresql://localhost/bank").ConnectionString).Port);
    }

    [Fact]
    public void A_connection_string_with_a_host_is_PostgreSQL_and_anything_else_is_a_SQLite_path()
    {
        StorageLocation postgres = StorageLocation.Parse("Host=127.0.0.1;Port=5433;Username=scc;Password=secret;Database=bank");
        StorageLocation sqlite = StorageLocation.Parse("bank-data/bank.db");

        Assert.Equal((StorageProvider.Postgres, "PostgreSQL at 127.0.0.1:5433, database bank"), (postgres.Provider, postgres.Server));
        Assert.Equal((StorageProvider.Sqlite, $"SQLite file {Path.GetFullPath("bank-data/bank.db")}"), (sqlite.Provider, sqlite.Server));
        Assert.DoesNotContain("secret", postgres.Server, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "the database is empty: give a SQLite file path, a postgres:// URL or a Host=… connection string.")]
    [InlineData("postgres://", "'postgres://' is not a valid postgres:// URL (postgres://USER:PASSWORD@HOST:PORT/DATABASE).")]
    [InlineData("postgres://u:secret@db/bank?colour=blue", "the postgres:// URL's parameter 'colour' is not one PostgreSQL connections take: ")]
    [InlineData("Host=db;Colour=blue", "the PostgreSQL connection string is not valid: ")]
    public void A_database_that_is_neither_is_refused_in_one_sentence(string target, string message)
    {
        FormatException refused = Assert.Throws<FormatException>(() => StorageLocation.Parse(target));

        Assert.StartsWith(message, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", refused.Message, StringComparison.Ordinal);
    }
}
