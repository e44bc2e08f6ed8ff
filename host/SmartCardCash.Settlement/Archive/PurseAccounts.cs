using System.Globalization;
using SmartCardCash.Purse.Spec;
using SmartCardCash.Settlement.Ledger;
using SmartCardCash.Settlement.Storage;

namespace SmartCardCash.Settlement.Archive;

/// <summary>
/// Which account loaded a purse: a load links the purse to its account, and a definitely lost payment of that purse is
/// refunded there. The latest load's account wins. This link revokes the purse's anonymity: only the operator role may
/// read it (the service's rule); everything else shows purse IDs only.
/// </summary>
public sealed class PurseAccounts(BankDatabase database)
{
    public BankDatabase Database { get; } = database ?? throw new ArgumentNullException(nameof(database));

    /// <summary>Links <paramref name="purse"/> to <paramref name="account"/> (a customer or merchant account), replacing
    /// any earlier link; linking it again to the same account changes nothing.</summary>
    /// <exception cref="LedgerRefusedException">The account does not exist, or is not a customer or merchant account.</exception>
    public PurseAccountLink Link(PurseId purse, AccountId account) => Database.Write(tx => Link(tx, purse, account));

    /// <summary>The account <paramref name="purse"/> is linked to, or null.</summary>
    public AccountId? Find(PurseId purse) => Database.Read(tx => Find(tx, purse));

    internal static PurseAccountLink Link(BankTransaction tx, PurseId purse, AccountId account)
    {
        Account target = LedgerStore.FindAccount(tx, account) ?? throw new LedgerRefusedException(LedgerRefusal.UnknownAccount,
            $"purse {purse} cannot be linked to account {account}, which does not exist.");
        if (target.Kind is not (AccountKind.Customer or AccountKind.Merchant))
        {
            throw new LedgerRefusedException(LedgerRefusal.UnknownAccount,
                $"purse {purse} can be linked to a customer or merchant account only, and {account} is {AccountKinds.WithArticle(target.Kind)} account.");
        }
        AccountId? previous = Find(tx, purse);
        string now = tx.Now.ToString("O", CultureInfo.InvariantCulture);
        if (previous == account)
        {
            string linkedAt = tx.Single<string>("SELECT linked_at FROM purse_accounts WHERE purse_id = @Purse", new { Purse = purse.ToString() })!;
            return new PurseAccountLink(purse, account, DateTimeOffset.Parse(linkedAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind), null);
        }
        tx.Execute("INSERT INTO purse_accounts (purse_id, account_id, linked_at) VALUES (@Purse, @Account, @Now) " +
            "ON CONFLICT (purse_id) DO UPDATE SET account_id = excluded.account_id, linked_at = excluded.linked_at",
            new { Purse = purse.ToString(), Account = account.Value, Now = now });
        return new PurseAccountLink(purse, account, tx.Now, previous);
    }

    internal static AccountId? Find(BankTransaction tx, PurseId purse) =>
        tx.Single<string>("SELECT account_id FROM purse_accounts WHERE purse_id = @Purse", new { Purse = purse.ToString() })
            is string id ? new AccountId(id) : null;
}
