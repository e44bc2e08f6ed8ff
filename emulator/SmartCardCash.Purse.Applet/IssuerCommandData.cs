using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Applet;

/// <summary>
/// An issuer-authorised command's data (spec 7.1): the parameters exactly as sent (they are signed), the counter and
/// the signature, and the parameters' values for the command's own use.
/// </summary>
internal sealed record IssuerCommandData(byte[] Parameters, uint Counter, byte[] Signature)
{
    public CurrencyCode Currency { get; init; }

    public uint Amount { get; init; }

    public byte[] LogDigest { get; init; } = [];

    public byte[] LockCode { get; init; } = [];
}
