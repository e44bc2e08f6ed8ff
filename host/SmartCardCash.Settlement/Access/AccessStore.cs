using System.Globalization;
using SmartCardCash.Settlement.Ledger;
using SmartCardCash.Settlement.Storage;

namespace SmartCardCash.Settlement.Access;

/// <summary>The access tables' SQL inside a <see cref="BankTransaction"/>. No rule lives here; <see cref="BankAccess"/> decides.</summary>
internal static class AccessStore
{
    public const string KeyColumns =
        "id AS Id, role AS Role, merchant_account_id AS MerchantAccountId, secret_sha256 AS SecretSha256, label AS Label, " +
        "created_at AS CreatedAt, revoked_at AS RevokedAt";

    public static ApiKeyRow? FindKey(BankTransaction tx, string id) =>
        tx.Single<ApiKeyRow>($"SELECT {KeyColumns} FROM api_keys WHERE id = @Id", new { Id = id });

    public static List<ApiKey> Keys(BankTransaction tx) =>
        [.. tx.Query<ApiKeyRow>($"SELECT {KeyColumns} FROM api_keys ORDER BY created_at, id").Select(r => r.ToKey())];

    public static bool AnyBootstrapKey(BankTransaction tx) => tx.Scalar<long>("SELECT COUNT(*) FROM api_keys WHERE bootstrap = 1") > 0;

    public static void InsertKey(BankTransaction tx, ApiKey key, string secretHash, bool bootstrap) => tx.Execute(
        "INSERT INTO api_keys (id, role, merchant_account_id, secret_sha256, label, bootstrap, created_at) " +
        "VALUES (@Id, @Role, @MerchantAccountId, @SecretSha256, @Label, @Bootstrap, @CreatedAt)",
        new
        {
            key.Id,
            Role = key.Role.ToString(),
            MerchantAccountId = key.MerchantAccount?.Value,
            SecretSha256 = secretHash,
            key.Label,
            Bootstrap = bootstrap ? 1L : (long?)null,
            CreatedAt = Timestamp(key.CreatedAt),
        });

    public static int Revoke(BankTransaction tx, string id) =>
        tx.Execute("UPDATE api_keys SET revoked_at = @Now WHERE id = @Id AND revoked_at IS NULL", new { Id = id, Now = Timestamp(tx.Now) });

    public static string? FindCredentialHash(BankTransaction tx, AccountId account) =>
        tx.Single<string>("SELECT secret_sha256 FROM account_credentials WHERE account_id = @Id", new { Id = account.Value });

    /// <summary>Sets the account's credential, replacing any earlier one.</summary>
    public static void PutCredential(BankTransaction tx, AccountId account, string secretHash)
    {
        tx.Execute("DELETE FROM account_credentials WHERE account_id = @Id", new { Id = account.Value });
        tx.Execute("INSERT INTO account_credentials (account_id, secret_sha256, issued_at) VALUES (@Id, @Hash, @Now)",
            new { Id = account.Value, Hash = secretHash, Now = Timestamp(tx.Now) });
    }

    public static string Timestamp(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);
}
