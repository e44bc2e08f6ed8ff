using SmartCardCash.Purse.Spec;
using SmartCardCash.Settlement.Audit;
using SmartCardCash.Settlement.Storage;

namespace SmartCardCash.Settlement.Ledger;

/// <summary>
/// The bank's double-entry ledger on a <see cref="BankDatabase"/>. Each call is one database transaction; the
/// internal overloads that take a <see cref="BankTransaction"/> let the bank's other writes (a bank purse's card image)
/// commit in the same one. Refusals are <see cref="LedgerRefusedException"/>s and write nothing.
/// </summary>
public sealed class BankLedger(BankDatabase database)
{
    public BankDatabase Database { get; } = database;

    /// <summary>Opens the account, or finds it open with the same content (a retry).</summary>
    /// <exception cref="LedgerRefusedException">An account with this ID exists with other content.</exception>
    public AccountOpening Open(NewAccount account) => Database.Write(tx => Open(tx, account));

    public Account? FindAccount(AccountId id) => Database.Read(tx => LedgerStore.FindAccount(tx, id));

    /// <summary>Every account, or those in <paramref name="currency"/>, by ID.</summary>
    public IReadOnlyList<Account> Accounts(Currency? currency = null) => Database.Read(tx => LedgerStore.Accounts(tx, currency));

    /// <summary>Records the transfers as one linked chain: all of them or none.</summary>
    /// <exception cref="LedgerRefusedException">A rule refused one of them; none was recorded.</exception>
    public SubmitResult Submit(params IReadOnlyList<TransferRequest> chain) => Database.Write(tx => TransferPoster.Submit(tx, chain));

    public Transfer? FindTransfer(TransferId id) => Database.Read(tx => LedgerStore.FindTransfer(tx, id));

    /// <summary>The post or void that resolved a pending transfer, or null while it is open.</summary>
    public Transfer? FindResolution(TransferId pendingId) => Database.Read(tx => LedgerStore.FindResolution(tx, pendingId));

    /// <summary>The transfers that debit or credit the account, oldest first.</summary>
    public IReadOnlyList<Transfer> TransfersOf(AccountId id) => Database.Read(tx => LedgerStore.TransfersOf(tx, id));

    /// <summary>Recomputes every balance from the transfers and checks the ledger's invariants, in one snapshot.</summary>
    public AuditReport Audit() => Database.Read(LedgerAudit.Run);

    internal static AccountOpening Open(BankTransaction tx, NewAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (LedgerStore.FindAccount(tx, account.Id) is Account existing)
        {
            return existing.Matches(account) ? new AccountOpening(existing, AlreadyOpen: true) : throw new LedgerRefusedException(
                LedgerRefusal.AccountConflict, $"account {account.Id} already exists as {AccountKinds.WithArticle(existing.Kind)} " +
                $"account in {existing.Currency.AlphaCode} with flags {existing.Flags}" +
                $"{(existing.FeeRate is FeeRate fee ? $" and fee {fee.BasisPoints} bp + {MoneyText.Of(existing.Currency, fee.FixedMinorUnits)}" : "")}" +
                ": an account ID names one account only.");
        }
        LedgerStore.InsertAccount(tx, account);
        Account opened = LedgerStore.FindAccount(tx, account.Id)!;
        LedgerInvariants.Holds(opened.Matches(account) && opened.Balance == AccountBalance.Zero, $"account {account.Id} opened as {opened}");
        return new AccountOpening(opened, AlreadyOpen: false);
    }

    internal static SubmitResult Submit(BankTransaction tx, IReadOnlyList<TransferRequest> chain) => TransferPoster.Submit(tx, chain);
}
