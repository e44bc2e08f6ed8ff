namespace SmartCardCash.Settlement.Access;

/// <summary>A key just issued: <see cref="Token"/> is the whole key (<c>scc_ID_SECRET</c>), given once to whoever asked
/// for it and never again; the bank keeps only <see cref="Key"/> and a hash of the secret.</summary>
public sealed record IssuedApiKey(ApiKey Key, string Token)
{
    /// <summary>Never the token: a record's default ToString would print it into a log.</summary>
    public override string ToString() => Key.ToString();
}
