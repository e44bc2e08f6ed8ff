using System.Globalization;
using SmartCardCash.Settlement.Ledger;

namespace SmartCardCash.Settlement.Access;

/// <summary>A row of <c>api_keys</c> as Dapper reads it (<see cref="AccessStore.KeyColumns"/>).</summary>
internal sealed class ApiKeyRow
{
    public string Id { get; set; } = "";

    public string Role { get; set; } = "";

    public string? MerchantAccountId { get; set; }

    public string SecretSha256 { get; set; } = "";

    public string? Label { get; set; }

    public string CreatedAt { get; set; } = "";

    public string? RevokedAt { get; set; }

    public ApiKey ToKey() => new(
        Id,
        Enum.Parse<ApiKeyRole>(Role),
        MerchantAccountId is null ? null : new AccountId(MerchantAccountId),
        Label,
        Parse(CreatedAt),
        RevokedAt is null ? null : Parse(RevokedAt));

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
