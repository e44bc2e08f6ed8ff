namespace SmartCardCash.Purse.Spec;

/// <summary>
/// The body (tag 7F4E) of a compact card-verifiable certificate (spec 3.3): profile, issuer ID, holder, class,
/// currencies (purse certificates only), effective and expiry dates, public key.
/// </summary>
/// <remarks>
/// An instance may hold values the specification forbids (a wrong profile, an invalid date) so that a decoded
/// certificate can be reported before it is refused; <see cref="FindContentProblem"/> says what is wrong.
/// <see cref="ForPurse"/> and <see cref="ForIssuer"/> build only valid bodies.
/// </remarks>
public sealed class CertificateBody
{
    private readonly byte[] _publicKey;
    private readonly CurrencyCode[] _currencies;

    public CertificateBody(byte profile, IssuerId issuer, PurseId holder, PurseClass purseClass,
        IReadOnlyList<CurrencyCode> currencies, BcdDate effective, BcdDate expiry, ReadOnlySpan<byte> publicKey)
    {
        ArgumentNullException.ThrowIfNull(currencies);
        if (currencies.Count > PurseConstants.MaxPockets)
        {
            throw new ArgumentException($"a certificate lists at most {PurseConstants.MaxPockets} currencies.", nameof(currencies));
        }
        if (publicKey.Length != PurseConstants.PublicKeyLength)
        {
            throw new ArgumentException($"the public key is {PurseConstants.PublicKeyLength} bytes.", nameof(publicKey));
        }
        Profile = profile;
        Issuer = issuer;
        Holder = holder;
        Class = purseClass;
        _currencies = [.. currencies];
        Effective = effective;
        Expiry = expiry;
        _publicKey = publicKey.ToArray();
    }

    public byte Profile { get; }

    public IssuerId Issuer { get; }

    /// <summary>The purse ID; in an issuer certificate <c>00 00 00 00 ‖ issuer ID</c>.</summary>
    public PurseId Holder { get; }

    public PurseClass Class { get; }

    /// <summary>Empty in an issuer certificate.</summary>
    public IReadOnlyList<CurrencyCode> Currencies => _currencies;

    public BcdDate Effective { get; }

    public BcdDate Expiry { get; }

    /// <summary><c>04 ‖ X ‖ Y</c>.</summary>
    public ReadOnlySpan<byte> PublicKey => _publicKey;

    public bool IsIssuerCertificate => Class == PurseClass.Issuer;

    public static CertificateBody ForPurse(IssuerId issuer, PurseId holder, PurseClass purseClass,
        IReadOnlyList<CurrencyCode> currencies, BcdDate effective, BcdDate expiry, ReadOnlySpan<byte> publicKey)
    {
        var body = new CertificateBody(PurseConstants.CertificateProfile, issuer, holder, purseClass, currencies, effective,
            expiry, publicKey);
        if (body.IsIssuerCertificate)
        {
            throw new ArgumentException("use ForIssuer for the issuer certificate.", nameof(purseClass));
        }
        body.EnsureValidContent();
        return body;
    }

    public static CertificateBody ForIssuer(IssuerId issuer, BcdDate effective, BcdDate expiry, ReadOnlySpan<byte> publicKey)
    {
        var body = new CertificateBody(PurseConstants.CertificateProfile, issuer, PurseId.ForIssuer(issuer), PurseClass.Issuer,
            [], effective, expiry, publicKey);
        body.EnsureValidContent();
        return body;
    }

    /// <summary>
    /// The first rule of spec 3.3 this body breaks, or null: profile 01; class 01–03 with 1–5 distinct valid currency
    /// codes, or class 7F with none and holder <c>00000000 ‖ issuer ID</c>; valid dates, effective ≤ expiry; a valid public key.
    /// </summary>
    public string? FindContentProblem(IPurseCrypto? crypto = null)
    {
        if (Profile != PurseConstants.CertificateProfile)
        {
            return $"certificate profile {Profile:X2} is not 01.";
        }
        if (IsIssuerCertificate)
        {
            if (_currencies.Length != 0)
            {
                return "an issuer certificate lists no currencies.";
            }
            if (Holder != PurseId.ForIssuer(Issuer))
            {
                return $"an issuer certificate's holder is 00000000 followed by the issuer ID, not {Holder}.";
            }
        }
        else
        {
            if (!PurseClassRules.IsPurseClass(Class))
            {
                return $"class {(byte)Class:X2} is not 01, 02, 03 or 7F.";
            }
            if (_currencies.Length == 0)
            {
                return "a purse certificate lists 1 to 5 currencies.";
            }
            for (int i = 0; i < _currencies.Length; i++)
            {
                if (!_currencies[i].IsValid)
                {
                    return $"currency {_currencies[i].Value:X4} is not a BCD code 001-999.";
                }
                if (Array.IndexOf(_currencies, _currencies[i], 0, i) >= 0)
                {
                    return $"currency {_currencies[i]} is listed twice.";
                }
            }
        }
        if (!Effective.IsValid || !Expiry.IsValid)
        {
            return $"the dates {Effective}, {Expiry} are not valid BCD dates YYMMDD.";
        }
        if (Effective > Expiry)
        {
            return $"the effective date {Effective} is after the expiry date {Expiry}.";
        }
        if (!(crypto ?? P256.Shared).IsValidPublicKey(_publicKey))
        {
            return "the public key is not an uncompressed point on P-256.";
        }
        return null;
    }

    public void EnsureValidContent(IPurseCrypto? crypto = null)
    {
        string? problem = FindContentProblem(crypto);
        if (problem is not null)
        {
            throw new PurseFormatException(problem);
        }
    }

    /// <summary>The body TLV, tag and length included: the bytes the issuer signs after <c>SCC1 ‖ 30</c>.</summary>
    public byte[] Encode()
    {
        var content = new PurseTlvBuilder()
            .AddByte(PurseTag.CertificateProfile, Profile)
            .Add(PurseTag.IssuerId, Issuer.ToArray())
            .Add(PurseTag.PurseId, Holder.ToArray())
            .AddByte(PurseTag.PurseClass, (byte)Class);
        if (_currencies.Length > 0)
        {
            var codes = new byte[_currencies.Length * CurrencyCode.Length];
            for (int i = 0; i < _currencies.Length; i++)
            {
                _currencies[i].WriteTo(codes.AsSpan(i * CurrencyCode.Length));
            }
            content.Add(PurseTag.Currencies, codes);
        }
        content.Add(PurseTag.EffectiveDate, Effective.ToArray())
            .Add(PurseTag.ExpiryDate, Expiry.ToArray())
            .Add(PurseTag.PublicKey, PurseTlvBuilder.Encode(PurseTag.PublicKeyPoint, _publicKey));
        return PurseTlvBuilder.Encode(PurseTag.CertificateBody, content.ToArray());
    }

    /// <summary>
    /// Reads a body TLV (7F4E) in the strict structure of spec 3.3: every tag once, in order, with its exact length,
    /// 96 optional. Does not judge the values; see <see cref="FindContentProblem"/>.
    /// </summary>
    public static CertificateBody Parse(ReadOnlySpan<byte> bodyTlv)
    {
        ReadOnlySpan<byte> content = StrictTlvReader.ReadSingle(bodyTlv, PurseTag.CertificateBody, 0, PurseTlvBuilder.MaxValueLength);
        var reader = new StrictTlvReader(content);
        byte profile = reader.ReadByte(PurseTag.CertificateProfile);
        IssuerId issuer = IssuerId.Read(reader.Read(PurseTag.IssuerId, IssuerId.Length));
        PurseId holder = PurseId.Read(reader.Read(PurseTag.PurseId, PurseId.Length));
        var purseClass = (PurseClass)reader.ReadByte(PurseTag.PurseClass);
        var currencies = new List<CurrencyCode>();
        if (reader.TryReadOptional(PurseTag.Currencies, CurrencyCode.Length, PurseConstants.MaxPockets * CurrencyCode.Length,
                out ReadOnlySpan<byte> codes))
        {
            if (codes.Length % CurrencyCode.Length != 0)
            {
                throw new PurseFormatException($"tag 96 holds 2-byte currency codes; {codes.Length} bytes is not a whole number of them.");
            }
            for (int at = 0; at < codes.Length; at += CurrencyCode.Length)
            {
                currencies.Add(CurrencyCode.Read(codes.Slice(at, CurrencyCode.Length)));
            }
        }
        BcdDate effective = BcdDate.Read(reader.Read(PurseTag.EffectiveDate, BcdDate.Length));
        BcdDate expiry = BcdDate.Read(reader.Read(PurseTag.ExpiryDate, BcdDate.Length));
        ReadOnlySpan<byte> keyTemplate = reader.Read(PurseTag.PublicKey, 2 + PurseConstants.PublicKeyLength);
        ReadOnlySpan<byte> publicKey = StrictTlvReader.ReadSingle(keyTemplate, PurseTag.PublicKeyPoint,
            PurseConstants.PublicKeyLength, PurseConstants.PublicKeyLength);
        reader.EnsureEnd();
        return new CertificateBody(profile, issuer, holder, purseClass, currencies, effective, expiry, publicKey);
    }
}
