using System.Data.Common;
using Dapper;

namespace SmartCardCash.Settlement.Storage;

/// <summary>
/// One database transaction of the bank: every row the work writes commits together or not at all. The ledger's
/// postings and (later) the bank purses' card images share it, so the books and the purses never disagree.
/// <see cref="Now"/> is one timestamp for everything the transaction records.
/// </summary>
internal sealed class BankTransaction(DbConnection connection, DbTransaction transaction, SqlDialect dialect, DateTimeOffset now)
{
    public DateTimeOffset Now { get; } = now;

    public SqlDialect Dialect { get; } = dialect;

    public int Execute(string sql, object? parameters = null) => connection.Execute(sql, parameters, transaction);

    public T? Scalar<T>(string sql, object? parameters = null) => connection.ExecuteScalar<T>(sql, parameters, transaction);

    public List<T> Query<T>(string sql, object? parameters = null) => connection.Query<T>(sql, parameters, transaction).AsList();

    public T? Single<T>(string sql, object? parameters = null) => connection.QuerySingleOrDefault<T>(sql, parameters, transaction);
}
