using SmartCardCash.AppletApi;
using SmartCardCash.Iso7816;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Applet;

/// <summary>GENERATE KEY PAIR, PUT DATA and ACTIVATE without data: the PERSONALISATION commands (spec 5.4–5.6).</summary>
internal sealed class PersonalisationCommands
{
    private readonly PurseStore _store;
    private readonly AtomicUpdate _atomic;
    private readonly IPurseCrypto _crypto;
    private readonly ICardRandom _random;

    public PersonalisationCommands(PurseStore store, AtomicUpdate atomic, IPurseCrypto crypto, ICardRandom random)
    {
        _store = store;
        _atomic = atomic;
        _crypto = crypto;
        _random = random;
    }

    /// <summary>GENERATE KEY PAIR: a new pair from the card's RNG; forgets a loaded purse certificate. Returns <c>7F49 { 86 key }</c>.</summary>
    public byte[] GenerateKeyPair()
    {
        P256KeyPair pair = _crypto.GenerateKeyPair(_random.Fill);
        _atomic.Begin();
        _store.PrivateKey = pair.PrivateKey.ToArray();
        _store.PublicKey = pair.PublicKey.ToArray();
        _store.ForgetPurseCertificate();
        _store.Flags |= PersonalisationFlags.KeyPairGenerated;
        _atomic.Commit();
        return PurseTlvBuilder.Encode(PurseTag.PublicKey, PurseTlvBuilder.Encode(PurseTag.PublicKeyPoint, pair.PublicKey));
    }

    public void PutData(PersonalisationObject dataObject, ReadOnlySpan<byte> data)
    {
        switch (dataObject)
        {
            case PersonalisationObject.IssuerCertificate:
                PutIssuerCertificate(data);
                break;
            case PersonalisationObject.PurseCertificate:
                PutPurseCertificate(data);
                break;
            case PersonalisationObject.PocketLimits:
                PutPocketLimits(data);
                break;
            case PersonalisationObject.LockCode:
                PutLockCode(data);
                break;
            default:
                throw new IsoException(StatusWord.IncorrectP1P2);
        }
    }

    /// <summary>
    /// ACTIVATE from PERSONALISATION: needs a key pair, both certificates, limits for every pocket and a lock code.
    /// Starts the purse's life: nextSeq 1, issuer counter 0, idle, empty logs.
    /// </summary>
    public void Activate()
    {
        PersonalisationFlags flags = _store.Flags;
        int pockets = _store.PocketCount;
        var allLimits = (PersonalisationFlags)(((1 << pockets) - 1) << 1);
        bool complete = flags.HasFlag(PersonalisationFlags.KeyPairGenerated)
            && _store.IssuerCertificate is not null
            && _store.PurseCertificate is not null
            && pockets > 0
            && (flags & allLimits) == allLimits
            && _store.LockCodeLength != 0;
        if (!complete)
        {
            throw new IsoException(StatusWord.ConditionsOfUseNotSatisfied);
        }

        _atomic.Begin();
        _store.NextSeq = 1;
        _store.IssuerCounter = 0;
        _store.State = TransferState.Idle;
        _store.ClearPending();
        _store.ClearExceptionLog();
        _store.ClearTransactionLog();
        _store.Lifecycle = PurseLifecycle.Issued;
        _atomic.Commit();
    }

    /// <summary>PUT DATA 01: the self-signed issuer certificate, the purse's trust anchor.</summary>
    private void PutIssuerCertificate(ReadOnlySpan<byte> data)
    {
        PurseCertificate certificate = CommandData.ParseCertificate(data);
        CertificateBody body = certificate.Body;
        if (body.FindContentProblem(_crypto) is not null || !body.IsIssuerCertificate || !certificate.IsValidlySelfSigned(_crypto))
        {
            // The self-signature only catches corruption: personalisation happens in a trusted facility.
            throw CommandData.Malformed();
        }

        _atomic.Begin();
        _store.StoreIssuerCertificate(data);
        _store.IssuerPublicKey = body.PublicKey.ToArray();
        _store.IssuerId = body.Issuer;
        _store.ForgetPurseCertificate();
        AdvanceTrustedDate(body.Effective);
        _atomic.Commit();
    }

    /// <summary>PUT DATA 02: the purse's own certificate, for the key generated on the card; creates the pockets.</summary>
    private void PutPurseCertificate(ReadOnlySpan<byte> data)
    {
        PurseCertificate certificate = CommandData.ParseCertificate(data);
        if (_store.IssuerCertificate is null || !_store.Flags.HasFlag(PersonalisationFlags.KeyPairGenerated))
        {
            throw new IsoException(StatusWord.ConditionsOfUseNotSatisfied);
        }
        CertificateBody body = certificate.Body;
        if (body.FindContentProblem(_crypto) is not null || body.IsIssuerCertificate || body.Issuer != _store.IssuerId
            || !body.PublicKey.SequenceEqual(_store.PublicKey))
        {
            throw CommandData.Malformed();
        }
        if (!certificate.VerifySignature(_store.IssuerPublicKey, _crypto))
        {
            throw new IsoException(StatusWord.SecurityStatusNotSatisfied);
        }

        _atomic.Begin();
        _store.ForgetPurseCertificate();
        _store.StorePurseCertificate(data);
        _store.PurseId = body.Holder;
        _store.Class = body.Class;
        for (int i = 0; i < body.Currencies.Count; i++)
        {
            _store.WritePocket(i, new Pocket(body.Currencies[i], 0, 0, 0, 0));
        }
        _store.PocketCount = body.Currencies.Count;
        AdvanceTrustedDate(body.Effective);
        _atomic.Commit();
    }

    /// <summary>PUT DATA 03: one pocket's limits, contactless ≤ transaction ≤ maximum.</summary>
    private void PutPocketLimits(ReadOnlySpan<byte> data)
    {
        PocketLimits limits = CommandData.ParsePocketLimits(data);
        if (_store.PurseCertificate is null)
        {
            throw new IsoException(StatusWord.ConditionsOfUseNotSatisfied);
        }
        int index = _store.FindPocket(limits.Currency);
        if (index < 0)
        {
            throw new IsoException(PurseStatusWords.CurrencyNotHeld);
        }
        if (!limits.AreConsistent)
        {
            throw CommandData.Malformed();
        }

        _atomic.Begin();
        Pocket pocket = _store.ReadPocket(index);
        _store.WritePocket(index, pocket with
        {
            MaximumBalance = limits.MaximumBalance,
            TransactionLimit = limits.TransactionLimit,
            ContactlessLimit = limits.ContactlessLimit,
        });
        _store.Flags |= (PersonalisationFlags)((byte)PersonalisationFlags.FirstPocketLimitsSet << index);
        _atomic.Commit();
    }

    /// <summary>PUT DATA 04: the lock code and its try limit; unlocked.</summary>
    private void PutLockCode(ReadOnlySpan<byte> data)
    {
        (byte[] code, int tries) = CommandData.ParseLockCodeSetting(data);
        _atomic.Begin();
        _store.WriteLockCode(code);
        _store.TriesLimit = tries;
        _store.TriesRemaining = tries;
        _store.Locked = false;
        _atomic.Commit();
    }

    /// <summary>The trusted date only moves forward (spec 3.3).</summary>
    private void AdvanceTrustedDate(BcdDate effective)
    {
        if (effective > _store.TrustedDate)
        {
            _store.TrustedDate = effective;
        }
    }
}
