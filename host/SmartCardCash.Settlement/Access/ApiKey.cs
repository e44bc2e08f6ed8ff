using SmartCardCash.Settlement.Ledger;

namespace SmartCardCash.Settlement.Access;

/// <summary>An API key as the bank keeps it: everything but the secret, of which only a hash is stored.
/// <see cref="Id"/> is public (it is in the key's text and in logs); the secret is not.</summary>
public sealed record ApiKey(
    string Id,
    ApiKeyRole Role,
    AccountId? MerchantAccount,
    string? Label,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt)
{
    public bool Revoked => RevokedAt is not null;

    /// <summary>Whether this key may act on <paramref name="account"/>: an operator on any, a merchant terminal on its
    /// own merchant account only, a terminal on none by itself (a load checks the account holder's credential).</summary>
    public bool MayActOn(AccountId account) => Role switch
    {
        ApiKeyRole.Operator => true,
        ApiKeyRole.MerchantTerminal => MerchantAccount == account,
        _ => false,
    };

    public override string ToString() =>
        $"key {Id} ({Role}{(MerchantAccount is AccountId a ? $" of {a}" : "")}{(Revoked ? ", revoked" : "")})";
}
