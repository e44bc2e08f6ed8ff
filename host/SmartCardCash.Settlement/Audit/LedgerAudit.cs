using SmartCardCash.Purse.Spec;
using SmartCardCash.Settlement.Ledger;
using SmartCardCash.Settlement.Storage;

namespace SmartCardCash.Settlement.Audit;

/// <summary>
/// The audit: recomputes every account's totals from the transfers (a pending transfer counts while no post or void
/// names it), compares them with the stored totals, checks every transfer against its accounts and its pending
/// transfer, and checks per currency that each book sums to zero, that minted = bank purses + outstanding and that
/// float + suspense = outstanding. It reads one snapshot and writes nothing.
/// </summary>
internal static class LedgerAudit
{
    /// <summary>Findings of one kind listed before the rest are only counted.</summary>
    private const int MaxListed = 100;

    private const string OpenPending =
        "t.phase = 'Pending' AND NOT EXISTS (SELECT 1 FROM transfers r WHERE r.pending_id = t.id)";

    public static AuditReport Run(BankTransaction tx)
    {
        List<Account> accounts = LedgerStore.Accounts(tx, currency: null);
        Dictionary<string, long> debitsPosted = Sums(tx, "debit_account_id", "t.phase IN ('Single', 'Post')");
        Dictionary<string, long> creditsPosted = Sums(tx, "credit_account_id", "t.phase IN ('Single', 'Post')");
        Dictionary<string, long> debitsPending = Sums(tx, "debit_account_id", OpenPending);
        Dictionary<string, long> creditsPending = Sums(tx, "credit_account_id", OpenPending);
        var findings = new List<AuditFinding>();

        var recomputed = new Dictionary<AccountId, AccountBalance>();
        foreach (Account account in accounts)
        {
            string id = account.Id.Value;
            var balance = new AccountBalance(debitsPending.GetValueOrDefault(id), debitsPosted.GetValueOrDefault(id),
                creditsPending.GetValueOrDefault(id), creditsPosted.GetValueOrDefault(id));
            recomputed[account.Id] = balance;
            if (balance != account.Balance)
            {
                findings.Add(new(AuditCheck.BalanceMatchesTransfers, id,
                    $"account {id} stores {account.Balance}, but its transfers sum to {balance}."));
            }
            if (!balance.IsNonNegative || !balance.Satisfies(account.Flags))
            {
                findings.Add(new(AuditCheck.AccountRules, id, $"account {id}'s transfers sum to {balance}, which breaks its flags {account.Flags}."));
            }
        }
        findings.AddRange(InconsistentTransfers(tx));

        var totals = new List<CurrencyTotals>();
        foreach (IGrouping<Currency, Account> currency in accounts.GroupBy(a => a.Currency).OrderBy(g => g.Key.AlphaCode, StringComparer.Ordinal))
        {
            CurrencyTotals currencyTotals = Totals(tx, currency.Key, [.. currency.Select(a => (a, recomputed[a.Id]))]);
            totals.Add(currencyTotals);
            findings.AddRange(BookFindings(currency.Key, [.. currency]));
            findings.AddRange(EValueFindings(currencyTotals));
        }
        return new AuditReport(totals, findings, accounts.Count, tx.Scalar<long>("SELECT COUNT(*) FROM transfers"))
        {
            OpenLostValue = OpenLost(tx),
        };
    }

    /// <summary>The exception archive's open payments (maybe lost, owed), per currency.</summary>
    private static List<OpenLostValue> OpenLost(BankTransaction tx)
    {
        List<OpenLostRow> rows = tx.Query<OpenLostRow>("SELECT currency AS Currency, state AS State, COUNT(*) AS Count, " +
            "CAST(SUM(amount) AS BIGINT) AS Total FROM lost_payments WHERE state IN ('MaybeLost', 'Owed') GROUP BY currency, state");
        return [.. rows.GroupBy(r => r.Currency, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            OpenLostRow? maybe = g.SingleOrDefault(r => r.State == "MaybeLost"), owed = g.SingleOrDefault(r => r.State == "Owed");
            return new OpenLostValue(Currency.FromAlpha(g.Key), checked((int)(maybe?.Count ?? 0)), maybe?.Total ?? 0,
                checked((int)(owed?.Count ?? 0)), owed?.Total ?? 0);
        })];
    }

    private static Dictionary<string, long> Sums(BankTransaction tx, string accountColumn, string condition) =>
        tx.Query<AccountSum>($"SELECT t.{accountColumn} AS Account, CAST(SUM(t.amount) AS BIGINT) AS Total FROM transfers t " +
            $"WHERE {condition} GROUP BY t.{accountColumn}").ToDictionary(s => s.Account, s => s.Total, StringComparer.Ordinal);

    /// <summary>Transfers out of their accounts' currency, across books, or resolving their pending transfer wrongly.</summary>
    private static IEnumerable<AuditFinding> InconsistentTransfers(BankTransaction tx)
    {
        string eValueKinds = string.Join(", ", Enum.GetValues<AccountKind>()
            .Where(k => AccountKinds.BookOf(k) == LedgerBook.EValue).Select(k => $"'{k}'"));
        List<string> misplaced = tx.Query<string>(
            "SELECT t.id FROM transfers t JOIN accounts d ON d.id = t.debit_account_id JOIN accounts c ON c.id = t.credit_account_id " +
            $"WHERE d.currency <> t.currency OR c.currency <> t.currency OR (d.kind IN ({eValueKinds})) <> (c.kind IN ({eValueKinds})) " +
            $"ORDER BY t.id LIMIT {MaxListed}");
        List<string> misresolved = tx.Query<string>(
            "SELECT r.id FROM transfers r JOIN transfers p ON p.id = r.pending_id WHERE p.phase <> 'Pending' " +
            "OR r.debit_account_id <> p.debit_account_id OR r.credit_account_id <> p.credit_account_id OR r.currency <> p.currency " +
            $"OR r.amount > p.amount OR (r.phase = 'Void' AND r.amount <> p.amount) ORDER BY r.id LIMIT {MaxListed}");
        return misplaced.Select(id => new AuditFinding(AuditCheck.TransferConsistent, id,
                $"transfer {id} is not in its accounts' currency, or moves between the e-value and money books."))
            .Concat(misresolved.Select(id => new AuditFinding(AuditCheck.TransferConsistent, id,
                $"transfer {id} resolves a transfer that is not pending, between other accounts, or for more than it reserved.")));
    }

    /// <summary>Each book of the currency sums to zero in the stored totals: debits equal credits, posted and pending.</summary>
    private static IEnumerable<AuditFinding> BookFindings(Currency currency, List<Account> accounts)
    {
        foreach (IGrouping<LedgerBook, Account> book in accounts.GroupBy(a => a.Book))
        {
            long debits = book.Sum(a => a.Balance.DebitsPosted), credits = book.Sum(a => a.Balance.CreditsPosted);
            long pendingDebits = book.Sum(a => a.Balance.DebitsPending), pendingCredits = book.Sum(a => a.Balance.CreditsPending);
            if (debits != credits || pendingDebits != pendingCredits)
            {
                yield return new(AuditCheck.BooksBalance, currency.AlphaCode,
                    $"the {currency.AlphaCode} {book.Key} book does not sum to zero: debits {debits} posted and {pendingDebits} pending, " +
                    $"credits {credits} posted and {pendingCredits} pending.");
            }
        }
    }

    private static IEnumerable<AuditFinding> EValueFindings(CurrencyTotals t)
    {
        string code = t.Currency.AlphaCode;
        if (t.Minted != t.BankPurses + t.Outstanding)
        {
            yield return new(AuditCheck.EValueAccountedFor, code, $"{code} minted {t.Minted} is not the value in bank purses " +
                $"{t.BankPurses} plus the e-value outstanding {t.Outstanding}.");
        }
        if (t.Float + t.Suspense != t.Outstanding)
        {
            yield return new(AuditCheck.EValueBacked, code, $"{code} funds backing e-value, float {t.Float} plus suspense " +
                $"{t.Suspense}, are not the e-value outstanding {t.Outstanding}.");
        }
    }

    private static CurrencyTotals Totals(BankTransaction tx, Currency currency, List<(Account Account, AccountBalance Balance)> accounts)
    {
        long Holding(AccountKind kind) => accounts.Where(a => a.Account.Kind == kind).Sum(a =>
            AccountKinds.IsDebitNormal(kind) ? a.Balance.DebitBalance : a.Balance.CreditBalance);
        IEnumerable<AccountBalance> minted = accounts.Where(a => a.Account.Kind == AccountKind.Minted).Select(a => a.Balance);
        long openPending = tx.Scalar<long>($"SELECT COUNT(*) FROM transfers t WHERE t.currency = @Currency AND {OpenPending}",
            new { Currency = currency.AlphaCode });
        return new CurrencyTotals(currency,
            MintedGross: minted.Sum(b => b.CreditsPosted),
            WrittenOff: minted.Sum(b => b.DebitsPosted),
            BankPurses: Holding(AccountKind.BankPurse),
            Outstanding: Holding(AccountKind.EValueOutstanding),
            Float: Holding(AccountKind.Float),
            Suspense: Holding(AccountKind.Suspense),
            FeeIncome: Holding(AccountKind.FeeIncome),
            Cash: Holding(AccountKind.Cash),
            Customers: Holding(AccountKind.Customer),
            Merchants: Holding(AccountKind.Merchant),
            Reserved: accounts.Sum(a => a.Balance.DebitsPending),
            OpenPendingTransfers: checked((int)openPending));
    }
}
