using SmartCardCash.Settlement.Access;
using SmartCardCash.Settlement.Ledger;
using SmartCardCash.Settlement.Storage;

namespace SmartCardCash.BankService;

/// <summary>The Settlement library's parts the endpoints call, one of each for the service's lifetime.</summary>
public sealed class BankBackend(BankDatabase database)
{
    public BankDatabase Database { get; } = database;

    public BankLedger Ledger { get; } = new(database);

    public BankAccess Access { get; } = new(database);
}
