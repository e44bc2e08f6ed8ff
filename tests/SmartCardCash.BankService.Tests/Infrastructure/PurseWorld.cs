using SmartCardCash.Iso7816;
using SmartCardCash.Journal;
using SmartCardCash.Purse.Issuing;
using SmartCardCash.Purse.Tests.Support;
using SmartCardCash.Settlement.Tests.Clearing;

namespace SmartCardCash.BankService.Tests.Infrastructure;

/// <summary>
/// The Settlement tests' <see cref="ClearingWorld"/> (real emulated purses of one issuer, a bank purse minted in the
/// ledger, customers loaded from their accounts and linked to them) with the bank service running on its database and
/// holding its issuer; and what a terminal sends over HTTP: journal lines, exception uploads, clear authorisations.
/// </summary>
internal sealed class PurseWorld : IAsyncDisposable
{
    private readonly ClearingWorld _world;

    private PurseWorld(ClearingWorld world, TestService service)
    {
        _world = world;
        Service = service;
    }

    public TestService Service { get; }

    public TestBank Bank => Service.Bank;

    public Issuing.Issuer Issuer => _world.Issuer;

    /// <summary>Every customer and merchant purse issued so far.</summary>
    public IReadOnlyList<PurseId> Purses => _issued;

    private readonly List<PurseId> _issued = [];

    public static async Task<PurseWorld> StartAsync(BankStorageFixture storage, StorageProvider provider,
        long maxJournalBodyBytes = BankServiceOptions.DefaultMaxJournalBodyBytes)
    {
        var world = new ClearingWorld(storage.Create(provider));
        TestService service = await TestService.StartAsync(world.Bank, issuer: world.Issuer, maxJournalBodyBytes: maxJournalBodyBytes);
        return new PurseWorld(world, service);
    }

    /// <inheritdoc cref="ClearingWorld.Customer"/>
    public TestPurse Customer(string name, uint cents, bool linked = true) => Issued(_world.Customer(name, cents, linked));

    public TestPurse Merchant(string name) => Issued(_world.Merchant(name));

    /// <summary>A completed payment's journal line, as scc pay appends it.</summary>
    public string PayAndJournal(TestPurse payer, TestPurse payee, uint cents) => JournalFormat.Encode(_world.PayAndJournal(payer, payee, cents));

    public static TestPurse Clone(TestPurse original, string name) => ClearingWorld.Clone(original, name);

    public static PaymentDetails LoseInFlight(TestPurse payer, TestPurse payee, uint cents) => ClearingWorld.LoseInFlight(payer, payee, cents);

    public static int LogCount(TestPurse purse) => ClearingWorld.LogCount(purse);

    public long AccountBalance(string name) => _world.AccountBalance(name);

    /// <summary>What a terminal uploads: the whole exception log, the certificate and the issuer counter, in hex.</summary>
    public static ExceptionUploadRequest UploadOf(TestPurse purse)
    {
        Settlement.Archive.ExceptionUpload upload = ClearingWorld.UploadOf(purse);
        return new ExceptionUploadRequest(Hex.Encode(upload.Certificate.Encoded), upload.IssuerCounter,
            [.. upload.Records.Select(r => new ExceptionRecordUpload(Hex.Encode(r.Record.Encode()), Hex.Encode(r.Signature.Span)))]);
    }

    /// <summary>Sends the bank's clear authorisation to the card, as scc bank exceptions does.</summary>
    public static void Clear(TestPurse purse, ClearAuthorisationJson clear)
    {
        var authorisation = IssuerAuthorisation.ClearExceptionLog(PurseId.Parse(clear.Purse), checked((uint)clear.IssuerCounter), Hex.Decode(clear.LogDigest));
        purse.Purse.Select();
        purse.Purse.ClearExceptionLog(new SignedIssuerAuthorisation(authorisation, Hex.Decode(clear.Signature)));
    }

    /// <summary>Stops the service, which deletes the database (the world's bank).</summary>
    public async ValueTask DisposeAsync() => await Service.DisposeAsync();

    private TestPurse Issued(TestPurse purse)
    {
        _issued.Add(purse.Id);
        return purse;
    }
}
