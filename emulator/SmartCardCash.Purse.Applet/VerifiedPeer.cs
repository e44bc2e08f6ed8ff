using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Applet;

/// <summary>The counterparty whose certificate VERIFY CERTIFICATE accepted (spec 5.7); transient.</summary>
internal sealed class VerifiedPeer
{
    private readonly CurrencyCode[] _currencies;
    private readonly byte[] _publicKey;

    public VerifiedPeer(PurseId id, PurseClass purseClass, IReadOnlyList<CurrencyCode> currencies, ReadOnlySpan<byte> publicKey)
    {
        Id = id;
        Class = purseClass;
        _currencies = [.. currencies];
        _publicKey = publicKey.ToArray();
    }

    public PurseId Id { get; }

    public PurseClass Class { get; }

    public byte[] PublicKey => (byte[])_publicKey.Clone();

    public bool Holds(CurrencyCode currency) => Array.IndexOf(_currencies, currency) >= 0;
}
