using SmartCardCash.Settlement.Access;

namespace SmartCardCash.Settlement.Tests.Access;

/// <summary>API keys: issued once with a role, stored only as a hash, authenticated in constant time, revocable; every
/// refusal has its reason and never shows the secret.</summary>
[Collection(BankStorageCollection.Name)]
public sealed class ApiKeyTests(BankStorageFixture storage)
{
    [Theory, OnSqlite, OnPostgres]
    public void An_issued_key_authenticates_as_its_role_and_only_its_hash_is_stored(StorageProvider provider)
    {
        using TestBank bank = storage.Create(provider);
        var access = new BankAccess(bank.Database);

        IssuedApiKey issued = access.IssueKey(ApiKeyRole.Terminal, label: "till 1");

        Assert.Matches("^scc_[0-9a-f]{16}_[0-9a-f]{64}$", issued.Token);
        Assert.Equal(issued.Key, access.Authenticate(issued.Token));
        Assert.Equal((ApiKeyRole.Terminal, "till 1", false), (issued.Key.Role, issued.Key.Label, issued.Key.Revoked));
        string secret = issued.Token[^64..];
        string stored = bank.Database.Read(tx => tx.Single<string>("SELECT secret_sha256 FROM api_keys WHERE id = @Id", new { issued.Key.Id }))!;
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Convert.FromHexString(secret))), stored);
        Assert.DoesNotContain(secret, issued.ToString(), StringComparison.Ordinal);
        Assert.NotEqual(issued.Token, access.IssueKey(ApiKeyRole.Terminal).Token);
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_missing_malformed_unknown_or_wrong_secret_key_is_refused_without_the_secret_in_the_message(StorageProvider provider)
    {
        using TestBank bank = storage.Create(provider);
        var access = new BankAccess(bank.Database);
        IssuedApiKey issued = access.IssueKey(ApiKeyRole.Operator);
        string wrongSecret = issued.Token[..^1] + (issued.Token[^1] == '0' ? '1' : '0');
        string unknownId = "scc_0000000000000000_" + issued.Token[^64..];

        Assert.Equal(AccessRefusal.MissingKey, Refusal(() => access.Authenticate(null)).Reason);
        Assert.Equal(AccessRefusal.MissingKey, Refusal(() => access.Authenticate("")).Reason);
        foreach (string malformed in new[] { "letmein", issued.Token.ToUpperInvariant(), issued.Token + "0", issued.Token.Replace('_', '-') })
        {
            Assert.Equal(AccessRefusal.MalformedKey, Refusal(() => access.Authenticate(malformed)).Reason);
        }
        AccessRefusedException wrong = Refusal(() => access.Authenticate(wrongSecret));
        AccessRefusedException unknown = Refusal(() => access.Authenticate(unknownId));
        Assert.Equal((AccessRefusal.UnknownKey, AccessRefusal.UnknownKey), (wrong.Reason, unknown.Reason));
        Assert.DoesNotContain(wrongSecret[^64..], wrong.Message, StringComparison.Ordinal);
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_revoked_key_is_refused_and_revoking_again_changes_nothing(StorageProvider provider)
    {
        using TestBank bank = storage.Create(provider);
        var access = new BankAccess(bank.Database);
        IssuedApiKey issued = access.IssueKey(ApiKeyRole.Terminal);

        ApiKey revoked = access.Revoke(issued.Key.Id);
        ApiKey again = access.Revoke(issued.Key.Id);

        Assert.True(revoked.Revoked);
        Assert.Equal(revoked, again);
        Assert.Equal(AccessRefusal.RevokedKey, Refusal(() => access.Authenticate(issued.Token)).Reason);
        Assert.Equal(AccessRefusal.InvalidKeyRequest, Refusal(() => access.Revoke("0123456789abcdef")).Reason);
        Assert.Equal(AccessRefusal.InvalidKeyRequest, Refusal(() => access.Revoke("not a key id")).Reason);
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_merchant_terminal_key_is_bound_to_one_merchant_account_and_no_other_role_is(StorageProvider provider)
    {
        using TestBank bank = storage.Create(provider);
        var access = new BankAccess(bank.Database);
        var shop = new AccountId("merchant.shop");
        var other = new AccountId("merchant.other");
        access.OpenAccount(new NewAccount(shop, TestBank.Eur, AccountKind.Merchant, new FeeRate(150, 10)));
        AccountId alice = bank.Customer("alice");

        ApiKey key = access.IssueKey(ApiKeyRole.MerchantTerminal, shop).Key;

        Assert.Equal(shop, key.MerchantAccount);
        Assert.True(key.MayActOn(shop));
        Assert.False(key.MayActOn(other));
        Assert.Equal(AccessRefusal.InvalidKeyRequest, Refusal(() => access.IssueKey(ApiKeyRole.MerchantTerminal)).Reason);
        Assert.Equal(AccessRefusal.InvalidKeyRequest, Refusal(() => access.IssueKey(ApiKeyRole.MerchantTerminal, alice)).Reason);
        Assert.Equal(AccessRefusal.InvalidKeyRequest, Refusal(() => access.IssueKey(ApiKeyRole.MerchantTerminal, other)).Reason);
        Assert.Equal(AccessRefusal.InvalidKeyRequest, Refusal(() => access.IssueKey(ApiKeyRole.Terminal, shop)).Reason);
        Assert.Single(access.Keys());
    }

    [Theory, OnSqlite, OnPostgres]
    public void The_bootstrap_operator_key_is_issued_on_the_first_call_only(StorageProvider provider)
    {
        using TestBank bank = storage.Create(provider);
        var access = new BankAccess(bank.Database);

        IssuedApiKey? first = access.IssueBootstrapOperatorKey();
        access.Revoke(first!.Key.Id);
        IssuedApiKey? second = access.IssueBootstrapOperatorKey();

        Assert.Equal(ApiKeyRole.Operator, first.Key.Role);
        Assert.Null(second);
        Assert.Single(access.Keys());
    }

    [Theory, OnSqlite, OnPostgres]
    public void Concurrent_first_starts_make_one_bootstrap_key(StorageProvider provider)
    {
        using TestBank bank = storage.Create(provider);
        var access = new BankAccess(bank.Database);

        IssuedApiKey?[] issued = [.. Enumerable.Range(0, 8).AsParallel().Select(_ => access.IssueBootstrapOperatorKey())];

        Assert.Single(issued, k => k is not null);
        Assert.Single(access.Keys());
    }

    private static AccessRefusedException Refusal(Action action) => Assert.Throws<AccessRefusedException>(action);
}
