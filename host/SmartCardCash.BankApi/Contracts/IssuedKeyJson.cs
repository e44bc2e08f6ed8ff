namespace SmartCardCash.BankApi.Contracts;

/// <summary>A key just issued. <see cref="Token"/> is the whole key, given this once: the bank keeps only its hash.</summary>
public sealed record IssuedKeyJson(ApiKeyJson Key, string Token)
{
    /// <summary>Never the token.</summary>
    public override string ToString() => $"key {Key.Id} ({Key.Role})";
}
