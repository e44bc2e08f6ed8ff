using System.Security.Cryptography;
using SmartCardCash.Emulator;
using SmartCardCash.Iso7816;
using SmartCardCash.Issuing;
using SmartCardCash.Issuing.Personalisation;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Spec;
using SmartCardCash.Settlement.Archive;
using SmartCardCash.Settlement.Clearing;
using SmartCardCash.Settlement.Ledger;
using SmartCardCash.Settlement.Postings;
using SmartCardCash.Settlement.Storage;

namespace SmartCardCash.Settlement.BankPurses;

/// <summary>
/// The bank's own purses, a pool per currency, whose card images live in the bank's database (never in a file):
/// provisioning personalises a new emulated purse with the issuer, minting commits the purse's new image and
/// <see cref="BankPostings.Mint"/> in one transaction. Loads (<see cref="Loads.BankLoads"/>) and deposits
/// (<see cref="Deposits.BankDeposits"/>) take a free purse from the pool and hold it until it is idle again.
/// </summary>
/// <remarks>One pool per process and database: it keeps the purses' powered cards (<see cref="LiveBankPurses"/>),
/// which another pool on the same database replaces from the database's image whenever they differ.</remarks>
public sealed class BankPursePool
{
    private readonly IPurseSerialSource _serials;
    private readonly TimeProvider _time;
    private ExceptionArchive? _archive;

    /// <param name="issuer">Personalises the bank's purses and signs their mints; the bank is the issuer.</param>
    /// <param name="serials">Gives each new purse its serial (the issuer's own store, as <c>scc issuer</c> keeps it).</param>
    /// <param name="images">Seals the purses' card images in the database (each holds its purse's private key).</param>
    /// <exception cref="PurseImageKeyException">A purse's image in the database does not open with <paramref name="images"/>.</exception>
    public BankPursePool(BankDatabase database, Issuer issuer, IPurseSerialSource serials, PurseImageKey images, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(serials);
        ArgumentNullException.ThrowIfNull(images);
        Database = database;
        Issuer = issuer;
        _serials = serials;
        Images = images;
        _time = time ?? TimeProvider.System;
        SealStoredImages();
    }

    public BankDatabase Database { get; }

    public Issuer Issuer { get; }

    /// <summary>The key the purses' images are sealed with in the database.</summary>
    internal PurseImageKey Images { get; }

    internal LiveBankPurses Cards { get; } = new();

    /// <summary>Where the bank's own purses' exception records go (<see cref="ClearOwnExceptionLog"/>).</summary>
    internal ExceptionArchive Archive => _archive ??= new ExceptionArchive(new CertificateRegistry(Database, Issuer.Certificate), Issuer);

    /// <summary>A new bank purse for <paramref name="currency"/>: an emulated card personalised by the issuer through
    /// APDUs as a real card is, its image stored, its ledger account (and the currency's system accounts) opened.</summary>
    public BankPurse Provision(Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        EmulatedCard card = BankPurseCard.Blank();
        PersonalisationResult result;
        using (EmulatedCardChannel channel = card.OpenChannel("new bank purse", powerOffOnDispose: false))
        {
            // The lock code is never used (a bank purse is never locked) and never kept: random, forgotten.
            string lockCode = RandomNumberGenerator.GetInt32(10_000_000, 100_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
            result = new PursePersonaliser(Issuer, _serials, _time).Personalise(PurseCard.Open(channel),
                PersonalisationRequest.WithDefaultLimits(PurseClass.Bank, [currency.Code], lockCode));
        }
        PurseId id = result.PurseId;
        byte[] image = BankPurseCard.ImageOf(id, card);
        return Database.Write(tx =>
        {
            foreach (NewAccount account in BankChart.SystemAccounts(currency))
            {
                BankLedger.Open(tx, account);
            }
            BankLedger.Open(tx, new NewAccount(BankChart.BankPurse(currency, id.ToString()), currency, AccountKind.BankPurse));
            if (BankPurseStore.Find(tx, id) is null)
            {
                BankPurseStore.Insert(tx, id, currency, Images.Seal(id, image));
            }
            // Registered like any purse the issuer issued: its acks (a deposit's proof of arrival) verify under it.
            new CertificateRegistry(Database, Issuer.Certificate).Register(tx, result.Certificate);
            BankPurseRow row = BankPurseStore.Lock(tx, id);
            BankPurseInvariants.ImageMatchesBooks(tx, id, currency, BankPurseSnapshot.Read(Images.Open(id, row.Image), currency));
            return row.ToBankPurse();
        });
    }

    /// <summary>Mints <paramref name="amount"/> minor units into the purse: the issuer-signed MINT on its card and
    /// <see cref="BankPostings.Mint"/>, committed together. Idempotent by <paramref name="key"/>: a retry finds the
    /// mint recorded and leaves the card alone.</summary>
    /// <exception cref="BankPurseRefusedException">No such purse, it is busy, or the amount does not fit.</exception>
    /// <exception cref="LedgerRefusedException"><paramref name="key"/> names another transfer.</exception>
    public BankPurse Mint(PurseId purseId, long amount, TransferId key) => amount <= 0
        ? throw new BankPurseRefusedException(BankPurseRefusal.AmountOutOfRange, $"a mint is of more than 0 minor units; {amount} is not.")
        : Serve(purseId, own: true, tx =>
    {
        BankPurseRow row = BankPurseStore.Lock(tx, purseId);
        Currency currency = row.CurrencyOf;
        IReadOnlyList<TransferRequest> chain = BankPostings.Mint(key, currency, purseId.ToString(), amount,
            $"mint into bank purse {purseId}");
        if (LedgerStore.FindTransfer(tx, key) is not null)
        {
            BankLedger.Submit(tx, chain); // a retry: the ledger says so, or refuses other content under this key
            return row.ToBankPurse();
        }
        if (amount > uint.MaxValue - row.Balance)
        {
            throw new BankPurseRefusedException(BankPurseRefusal.AmountOutOfRange,
                $"bank purse {purseId} holds {MoneyText.Of(currency, row.Balance)} and can take up to " +
                $"{MoneyText.Of(currency, uint.MaxValue - row.Balance)} more; {MoneyText.Of(currency, amount)} is more than that.");
        }
        if (row.BusyWith is not null || row.TransferState != TransferState.Idle)
        {
            throw new BankPurseRefusedException(BankPurseRefusal.PurseBusy,
                $"bank purse {purseId} serves {row.BusyWith ?? "a transfer"} ({row.TransferState}); value is minted only into an idle purse.");
        }
        BankPurseCard card = Cards.Take(purseId, Images.Open(purseId, row.Image));
        PurseCard purse = PurseCard.Open(card.Channel);
        purse.Select();
        purse.Mint(Issuer, Money.Of(currency, (ulong)amount));
        byte[] image = card.Image();
        BankPurseSnapshot after = BankPurseSnapshot.Read(image, currency);
        BankPurseInvariants.Holds(after.Balance == row.Balance + amount && after.State == TransferState.Idle,
            $"minting {amount} into bank purse {purseId} left {after.Balance} ({after.State}) after {row.Balance}");
        BankPurseStore.WriteImage(tx, purseId, Images.Seal(purseId, image), after);
        BankLedger.Submit(tx, chain);
        BankPurseInvariants.ImageMatchesBooks(tx, purseId, currency, after);
        return BankPurseStore.Lock(tx, purseId).ToBankPurse();
    });

    public BankPurse? Find(PurseId purseId) => Database.Read(tx => BankPurseStore.Find(tx, purseId)?.ToBankPurse());

    /// <summary>Every bank purse, or those of <paramref name="currency"/>, by ID.</summary>
    public IReadOnlyList<BankPurse> List(Currency? currency = null) =>
        Database.Read(tx => BankPurseStore.List(tx, currency).Select(r => r.ToBankPurse()).ToList());

    /// <summary>The purse's card image, opened: the emulator's image format (<c>CardImage</c>), for export or inspection.
    /// It holds the purse's private key: it is for the bank's own use, never to be shown.</summary>
    public byte[]? Image(PurseId purseId) =>
        Database.Read(tx => BankPurseStore.Find(tx, purseId)?.Image) is byte[] stored ? Images.Open(purseId, stored) : null;

    /// <summary>
    /// Checks, once per pool, that every stored image opens with <see cref="Images"/> (a bank started with the wrong key
    /// file fails here, before any payment), and seals any image stored before images were sealed.
    /// </summary>
    private void SealStoredImages() => Database.Write(tx =>
    {
        foreach (BankPurseRow row in BankPurseStore.List(tx, null))
        {
            if (PurseImageKey.IsSealed(row.Image))
            {
                _ = Images.Open(row.PurseId, row.Image);
            }
            else
            {
                BankPurseStore.SealImage(tx, row.PurseId, Images.Seal(row.PurseId, row.Image));
            }
        }
        return 0;
    });

    /// <summary>Runs <paramref name="work"/> in one write transaction on the purse. When it fails, the purse's card in
    /// memory may hold what did not commit: it is dropped, so the next command starts from the database's image.
    /// <paramref name="own"/>: the bank's own commands (mint, abort) went round the card's session; drop it anyway.
    /// <paramref name="mayRetry"/>: for a command from the terminal, false once the command reached the card: a retry would
    /// run it again on a card that lost its session (a spurious refusal, committed); a conflict then gives no answer,
    /// and the terminal's recovery goes on.</summary>
    internal T Serve<T>(PurseId purseId, bool own, Func<BankTransaction, T> work, Func<bool>? mayRetry = null)
    {
        try
        {
            T result = mayRetry is null ? Database.Write(work) : Database.Write(work, mayRetry);
            if (own)
            {
                Cards.Forget(purseId);
            }
            return result;
        }
        catch
        {
            Cards.Forget(purseId);
            throw;
        }
    }

    /// <summary>One command to the purse a payment holds, in one transaction: the purse's row locked, the payment read
    /// again under that lock, then the payment's <see cref="BankPurseStep"/>; a payment that is over is answered 6900.</summary>
    internal byte[] Exchange<TPayment>(PurseId purseId, byte[] command, Func<BankTransaction, TPayment> payment, Func<TPayment, bool> isOpen,
        Func<BankTransaction, TPayment, BankPurseRow, BankPurseStep> step)
    {
        bool reachedCard = false;
        return Serve(purseId, own: false, tx =>
        {
            BankPurseRow purse = BankPurseStore.Lock(tx, purseId);
            TPayment now = payment(tx);
            return isOpen(now)
                ? step(tx, now, purse).Run(tx, Cards, Images, purse, command, () => reachedCard = true)
                : OverAnswer(purse, command);
        }, mayRetry: () => !reachedCard);
    }

    /// <summary>
    /// What a bank purse says to a payment that is over: what is still true of that payment. SELECT is answered by a copy
    /// of the purse made from its image (never the live card, which another payment may hold), the pending transfer is
    /// idle with nothing to resume, and anything else is 6900. A terminal whose recovery finished the payment then
    /// finds it finished, not the bank out of reach.
    /// </summary>
    private byte[] OverAnswer(BankPurseRow purse, byte[] command) =>
        command.Length >= 4 && command[1] == PurseInstruction.Select
            ? BankPurseCard.FromImage(purse.PurseId, Images.Open(purse.PurseId, purse.Image)).Transmit(command)
            : GateAnswer.AsksPending(command) ? GateAnswer.NothingPendingYet(command)
            : GateAnswer.Refused(StatusWord.CommandNotAllowed);

    /// <summary>
    /// Archives every record in the bank purse's exception log (the 01 of a load aborted after the debit, the 02 of a
    /// deposit aborted while waiting for the val) inside <paramref name="tx"/>, which then writes the purse's image, and
    /// clears the log with the issuer-signed CLEAR EXCEPTION LOG for exactly those records: a bank purse's log never
    /// fills (16 records: 6A84), and the archive settles each payment with the other side's record.
    /// </summary>
    /// <param name="holder">The payment the records belong to (<c>load:ID</c>, <c>deposit:ID</c>), kept as their source:
    /// a definitely lost payment is refunded to that very load's or deposit's account.</param>
    private void ClearOwnExceptionLog(BankTransaction tx, PurseCard purse, string holder)
    {
        IReadOnlyList<ExceptionLogEntry> records = purse.ReadExceptionLog();
        if (records.Count == 0)
        {
            return;
        }
        var upload = new ExceptionUpload(purse.GetCertificate(), purse.GetStatus().IssuerCounter, records);
        Archive.Archive(tx, upload, holder);
        purse.ClearExceptionLog(Archive.AuthoriseClear(upload));
        BankPurseInvariants.Holds(purse.ReadExceptionLog().Count == 0, $"bank purse {upload.Purse}'s exception log is not empty after it was cleared");
    }

    /// <summary>The bank ends the transfer its own purse is in and frees the purse from <paramref name="holder"/>, all in
    /// <paramref name="tx"/> (<see cref="AbortOwnTransfer"/>, then the release).</summary>
    internal BankPurseSnapshot AbortAndRelease(BankTransaction tx, BankPurseRow row, string holder)
    {
        BankPurseSnapshot after = AbortOwnTransfer(tx, row);
        BankPurseStore.Release(tx, row.PurseId, holder);
        return after;
    }

    /// <summary>The bank ends the transfer its own purse is in (ABORT: in epr nothing is logged, in epv or epa the
    /// purse logs the payment) and archives and clears what the purse logged, all in <paramref name="tx"/>; the purse
    /// stays held by the payment that holds it.</summary>
    internal BankPurseSnapshot AbortOwnTransfer(BankTransaction tx, BankPurseRow row)
    {
        BankPurseCard card = Cards.Take(row.PurseId, Images.Open(row.PurseId, row.Image));
        PurseCard purse = PurseCard.Open(card.Channel);
        purse.Select();
        purse.Abort();
        // A free purse's log is empty (Claim lends no other), so what it logs now is the holder's payment's.
        ClearOwnExceptionLog(tx, purse, row.BusyWith ?? throw new BankPurseInvariantException($"bank purse {row.Id} is aborted while no payment holds it"));
        byte[] image = card.Image();
        var before = new BankPurseSnapshot(row.Balance, row.TransferState, null);
        BankPurseSnapshot after = BankPurseSnapshot.Read(image, row.CurrencyOf);
        BankPurseInvariants.Holds(after.State == TransferState.Idle, $"bank purse {row.Id} is {after.State} after ABORT");
        BankPurseInvariants.TransitionChecked(row.PurseId, before, after);
        BankPurseStore.WriteImage(tx, row.PurseId, Images.Seal(row.PurseId, image), after);
        BankPurseInvariants.ImageMatchesBooks(tx, row.PurseId, row.CurrencyOf, after);
        return after;
    }
}
