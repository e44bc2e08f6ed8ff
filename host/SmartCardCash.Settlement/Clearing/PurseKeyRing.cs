using System.Collections.Concurrent;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Settlement.Clearing;

/// <summary>
/// Parsed public keys by purse ID, imported once (<see cref="EcdsaVerifier"/>): clearing a batch verifies many vals of
/// few purses. An entry is replaced if a purse's key ever differs from the cached one, so a stale key never verifies.
/// </summary>
internal sealed class PurseKeyRing
{
    private const int Capacity = 100_000;

    private readonly ConcurrentDictionary<PurseId, EcdsaVerifier> _keys = new();

    /// <summary>The verifier for <paramref name="holder"/>'s <paramref name="publicKey"/>, or null when it is no P-256 point.</summary>
    public EcdsaVerifier? For(PurseId holder, ReadOnlySpan<byte> publicKey)
    {
        if (_keys.TryGetValue(holder, out EcdsaVerifier? cached) && cached.Holds(publicKey))
        {
            return cached;
        }
        EcdsaVerifier? imported = EcdsaVerifier.Import(publicKey);
        if (imported is null)
        {
            return null;
        }
        if (_keys.Count >= Capacity)
        {
            _keys.Clear(); // bounded; the old verifiers are left to the finalizer rather than disposed under a reader
        }
        _keys[holder] = imported;
        return imported;
    }

    public bool Verify(PurseCertificate certificate, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        For(certificate.Body.Holder, certificate.Body.PublicKey) is EcdsaVerifier key && key.Verify(message, signature);
}
