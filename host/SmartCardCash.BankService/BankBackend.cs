using SmartCardCash.BankService.Problems;
using SmartCardCash.Issuing;
using SmartCardCash.Settlement.Access;
using SmartCardCash.Settlement.Archive;
using SmartCardCash.Settlement.BankPurses;
using SmartCardCash.Settlement.Clearing;
using SmartCardCash.Settlement.Deposits;
using SmartCardCash.Settlement.Hotlist;
using SmartCardCash.Settlement.Ledger;
using SmartCardCash.Settlement.Loads;
using SmartCardCash.Settlement.Storage;

namespace SmartCardCash.BankService;

/// <summary>The Settlement library's parts the endpoints call, one of each for the service's lifetime. Clearing, the
/// archive, the bank purses, loads and deposits need the issuer (bank purses also its serial source); a service started
/// without them answers those routes 503.</summary>
public sealed class BankBackend
{
    private readonly Issuer? _issuer;
    private readonly ValClearing? _clearing;
    private readonly ExceptionArchive? _archive;
    private readonly BankPursePool? _purses;

    public BankBackend(BankDatabase database, Issuer? issuer = null, IPurseSerialSource? serials = null, PurseImageKey? images = null,
        TimeProvider? time = null)
    {
        Database = database;
        Ledger = new BankLedger(database);
        Access = new BankAccess(database);
        Hotlist = new BankHotlist(database);
        PurseAccounts = new PurseAccounts(database);
        _issuer = issuer;
        if (issuer is not null)
        {
            var registry = new CertificateRegistry(database, issuer.Certificate);
            _clearing = new ValClearing(registry);
            _archive = new ExceptionArchive(registry, issuer);
            if (serials is not null)
            {
                _purses = new BankPursePool(database, issuer, serials,
                    images ?? throw new ArgumentException("bank purses need the purse image key that seals their card images.", nameof(images)), time);
                Loads = new BankLoads(_purses);
                Deposits = new BankDeposits(_purses);
            }
        }
    }

    public BankDatabase Database { get; }

    public BankLedger Ledger { get; }

    public BankAccess Access { get; }

    public BankHotlist Hotlist { get; }

    /// <summary>Which account loaded a purse: read by the operator only (anonymity revocation).</summary>
    public PurseAccounts PurseAccounts { get; }

    /// <summary>The issuer the bank clears for.</summary>
    /// <exception cref="ApiProblemException">503: the service was started without one.</exception>
    public Issuer Issuer => _issuer ?? throw NoIssuer();

    public ValClearing Clearing => _clearing ?? throw NoIssuer();

    public ExceptionArchive Archive => _archive ?? throw NoIssuer();

    /// <summary>The open lost payments, or none when the bank runs without an issuer (it then archives nothing).</summary>
    public IReadOnlyList<LostPayment> OpenLostPayments() => _archive?.OpenPayments() ?? [];

    /// <summary>The bank's own purses.</summary>
    /// <exception cref="ApiProblemException">503: the service runs without the issuer.</exception>
    public BankPursePool Purses => _purses ?? throw NoIssuer();

    internal BankLoads? Loads { get; }

    internal BankDeposits? Deposits { get; }

    internal BankLoads RequireLoads() => Loads ?? throw NoIssuer();

    internal BankDeposits RequireDeposits() => Deposits ?? throw NoIssuer();

    private static ApiProblemException NoIssuer() => new(503, "No issuer",
        "the bank runs without the issuer's key, so it cannot verify purse certificates, sign, or run purses of its own; " +
        "start it where the issuer is (scc issuer init, then scc bank serve).");
}
