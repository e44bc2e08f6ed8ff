using SmartCardCash.BankService.Problems;
using SmartCardCash.Issuing;
using SmartCardCash.Settlement.Access;
using SmartCardCash.Settlement.BankPurses;
using SmartCardCash.Settlement.Deposits;
using SmartCardCash.Settlement.Ledger;
using SmartCardCash.Settlement.Loads;
using SmartCardCash.Settlement.Storage;

namespace SmartCardCash.BankService;

/// <summary>The Settlement library's parts the endpoints call, one of each for the service's lifetime. The bank purses,
/// loads and deposits need the issuer; a service started without one answers their routes 503.</summary>
public sealed class BankBackend
{
    private readonly BankPursePool? _purses;

    public BankBackend(BankDatabase database, Issuer? issuer = null, IPurseSerialSource? serials = null, TimeProvider? time = null)
    {
        Database = database;
        Ledger = new BankLedger(database);
        Access = new BankAccess(database);
        if (issuer is not null)
        {
            _purses = new BankPursePool(database, issuer, serials ?? throw new ArgumentNullException(nameof(serials),
                "an issuer needs its serial source to provision bank purses."), time);
            Loads = new BankLoads(_purses);
            Deposits = new BankDeposits(_purses);
        }
    }

    public BankDatabase Database { get; }

    public BankLedger Ledger { get; }

    public BankAccess Access { get; }

    /// <summary>The bank's own purses.</summary>
    /// <exception cref="ApiProblemException">503: the service runs without the issuer.</exception>
    public BankPursePool Purses => _purses ?? throw NoIssuer();

    internal BankLoads? Loads { get; }

    internal BankDeposits? Deposits { get; }

    internal BankLoads RequireLoads() => Loads ?? throw NoIssuer();

    internal BankDeposits RequireDeposits() => Deposits ?? throw NoIssuer();

    private static ApiProblemException NoIssuer() => new(503, "No issuer",
        "this bank service runs without the issuer's key, so it has no purses of its own: start it where the issuer lives ('scc issuer init', then 'scc bank serve').");
}
