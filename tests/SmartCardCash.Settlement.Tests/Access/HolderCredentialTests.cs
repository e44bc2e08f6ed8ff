using SmartCardCash.Settlement.Access;

namespace SmartCardCash.Settlement.Tests.Access;

/// <summary>Account holders' credentials: issued once with the account, stored as a hash, checked in constant time,
/// replaceable by the operator.</summary>
[Collection(BankStorageCollection.Name)]
public sealed class HolderCredentialTests(BankStorageFixture storage)
{
    [Theory, OnSqlite, OnPostgres]
    public void Opening_an_account_issues_its_holder_credential_once_and_opens_the_currency_s_system_accounts(StorageProvider provider)
    {
        using TestBank bank = storage.Create(provider);
        var access = new BankAccess(bank.Database);
        var account = new NewAccount(new("customer.carol"), Currency.Gbp, AccountKind.Customer);

        HolderAccountOpening opened = access.OpenAccount(account);
        HolderAccountOpening retry = access.OpenAccount(account);

        Assert.False(opened.AlreadyOpen);
        Assert.Matches("^scch_[0-9a-f]{64}$", opened.HolderCredential);
        Assert.Equal((true, null), (retry.AlreadyOpen, retry.HolderCredential));
        Assert.DoesNotContain(opened.HolderCredential!, opened.ToString(), StringComparison.Ordinal);
        access.VerifyHolder(account.Id, opened.HolderCredential);
        Assert.All(Postings.BankChart.SystemAccounts(Currency.Gbp), a => Assert.NotNull(bank.Ledger.FindAccount(a.Id)));
        string stored = bank.Database.Read(tx => tx.Single<string>("SELECT secret_sha256 FROM account_credentials"))!;
        Assert.DoesNotContain(stored, opened.HolderCredential!, StringComparison.Ordinal);
        Assert.True(bank.Ledger.Audit().Balanced);
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_missing_malformed_or_other_account_s_credential_is_refused(StorageProvider provider)
    {
        using TestBank bank = storage.Create(provider);
        var access = new BankAccess(bank.Database);
        var alice = new AccountId("customer.alice");
        var bob = new AccountId("customer.bob");
        string aliceCredential = access.OpenAccount(new NewAccount(alice, Currency.Eur, AccountKind.Customer)).HolderCredential!;
        access.OpenAccount(new NewAccount(bob, Currency.Eur, AccountKind.Customer));

        foreach (string? wrong in new[] { null, "", "scch_00", aliceCredential.ToUpperInvariant(), aliceCredential[..^1] + "x" })
        {
            Assert.Equal(AccessRefusal.BadHolderCredential, Assert.Throws<AccessRefusedException>(() => access.VerifyHolder(alice, wrong)).Reason);
        }
        AccessRefusedException other = Assert.Throws<AccessRefusedException>(() => access.VerifyHolder(bob, aliceCredential));
        Assert.Equal(AccessRefusal.BadHolderCredential, other.Reason);
        Assert.DoesNotContain(aliceCredential, other.Message, StringComparison.Ordinal);
        Assert.Throws<AccessRefusedException>(() => access.VerifyHolder(new("customer.nobody"), aliceCredential));
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_reissued_credential_replaces_the_old_one(StorageProvider provider)
    {
        using TestBank bank = storage.Create(provider);
        var access = new BankAccess(bank.Database);
        var alice = new AccountId("customer.alice");
        string old = access.OpenAccount(new NewAccount(alice, Currency.Eur, AccountKind.Customer)).HolderCredential!;

        string fresh = access.ReissueHolderCredential(alice);

        access.VerifyHolder(alice, fresh);
        Assert.Throws<AccessRefusedException>(() => access.VerifyHolder(alice, old));
        Assert.Equal(LedgerRefusal.UnknownAccount,
            Assert.Throws<LedgerRefusedException>(() => access.ReissueHolderCredential(Postings.BankChart.Float(Currency.Eur))).Reason);
    }

    [Fact]
    public void Only_customer_and_merchant_accounts_are_opened_with_a_holder()
    {
        var access = new BankAccess(null!);
        Assert.Throws<ArgumentException>(() => access.OpenAccount(new NewAccount(new("EUR.cash"), Currency.Eur, AccountKind.Cash)));
    }
}
