namespace SmartCardCash.Purse.Applet.Tests.Commands;

/// <summary>VERIFY CERTIFICATE (spec 5.7, 3.3) and the trusted date.</summary>
public class VerifyCertificateTests
{
    private static readonly TestIssuer Issuer = TestIssuer.Default;
    private readonly PurseUnderTest _purse = Issued(PurseClass.Customer, Eur);

    [Fact]
    public void A_valid_counterparty_becomes_the_verified_peer()
    {
        _purse.SendOk(PurseCommands.VerifyCertificate(Peers.Merchant.Certificate.Encoded));
        // The peer is what START FROM looks for: without it 6A88, with it the next check (balance) answers.
        _purse.SendExpect(PurseCommands.StartFrom(Peers.Merchant.Id, Eur, 1, 1), 0x9401);
    }

    [Fact]
    public void Malformed_or_invalid_certificates_are_6A80()
    {
        AssertRefusedWithoutChange(_purse, PurseCommands.VerifyCertificate(Hex.Decode("7F2100")), 0x6A80);
        AssertRefusedWithoutChange(_purse, PurseCommands.VerifyCertificate([.. Peers.Merchant.Certificate.Encoded, 0x00]), 0x6A80);
        AssertRefusedWithoutChange(_purse, PurseCommands.VerifyCertificate(Issuer.Certificate.Encoded), 0x6A80);
        PurseCertificate foreign = TestIssuer.Foreign.Certify(PurseId.Parse("5CC0020000000009"), PurseClass.Customer, [Eur],
            Effective, Expiry, ConformanceKeys.Customer1.PublicKey);
        AssertRefusedWithoutChange(_purse, PurseCommands.VerifyCertificate(foreign.Encoded), 0x6A80);
        AssertRefusedWithoutChange(_purse, PurseCommands.VerifyCertificate(SignedBody(currencies: [Eur, Eur]).Encoded), 0x6A80);
        AssertRefusedWithoutChange(_purse, PurseCommands.VerifyCertificate(SixCurrencies()), 0x6A80);
        AssertRefusedWithoutChange(_purse, PurseCommands.VerifyCertificate(SignedBody(purseClass: (PurseClass)4).Encoded), 0x6A80);
        AssertRefusedWithoutChange(_purse, PurseCommands.VerifyCertificate(SignedBody(expiry: BcdDate.Parse("241231")).Encoded), 0x6A80);
        AssertRefusedWithoutChange(_purse, PurseCommands.VerifyCertificate(SignedBody(expiry: BcdDate.Parse("301232")).Encoded), 0x6A80);
        AssertRefusedWithoutChange(_purse, PurseCommands.VerifyCertificate(SignedBody(profile: 2).Encoded), 0x6A80);
        byte[] offCurve = ConformanceKeys.Customer1.PublicKey.ToArray();
        offCurve[40] ^= 0x10;
        AssertRefusedWithoutChange(_purse, PurseCommands.VerifyCertificate(SignedBody(publicKey: offCurve).Encoded), 0x6A80);
    }

    [Fact]
    public void A_certificate_not_signed_by_the_issuer_is_6982()
    {
        CertificateBody body = CertificateBody.ForPurse(Issuer.Id, PurseId.Parse("5CC0020000000009"), PurseClass.Customer, [Eur],
            Effective, Expiry, ConformanceKeys.Stranger.PublicKey);
        PurseCertificate forged = PurseCertificate.Assemble(body.Encode(),
            P256.Shared.Sign(ConformanceKeys.Stranger.PrivateKey, SignedMessages.Certificate(body.Encode())));
        AssertRefusedWithoutChange(_purse, PurseCommands.VerifyCertificate(forged.Encoded), 0x6982);

        byte[] tampered = Peers.Merchant.Certificate.ToArray();
        tampered[^1] ^= 0x01;
        AssertRefusedWithoutChange(_purse, PurseCommands.VerifyCertificate(tampered), 0x6982);
    }

    [Fact]
    public void The_purse_own_certificate_is_9408() =>
        AssertRefusedWithoutChange(_purse, PurseCommands.VerifyCertificate(_purse.Certificate!.Encoded), 0x9408);

    [Fact]
    public void An_expired_certificate_is_9406() =>
        AssertRefusedWithoutChange(_purse, PurseCommands.VerifyCertificate(Peers.Expired.Certificate.Encoded), 0x9406);

    [Fact]
    public void The_trusted_date_moves_forward_to_a_later_effective_date_only()
    {
        Assert.Equal(Effective, _purse.Status().TrustedDate);
        _purse.VerifyPeer(Peers.Merchant.Certificate);
        Assert.Equal(Effective, _purse.Status().TrustedDate);
        _purse.VerifyPeer(Peers.FromTheFuture.Certificate);
        Assert.Equal(BcdDate.Parse("310101"), _purse.Status().TrustedDate);
        // Now the merchant's certificate (expiring 2030-12-31) is expired for this purse.
        AssertRefusedWithoutChange(_purse, PurseCommands.VerifyCertificate(Peers.Merchant.Certificate.Encoded), 0x9406);
    }

    [Fact]
    public void A_refused_certificate_leaves_the_previous_peer_verified()
    {
        _purse.VerifyPeer(Peers.Merchant.Certificate);
        _purse.SendExpect(PurseCommands.VerifyCertificate(Peers.Expired.Certificate.Encoded), 0x9406);
        _purse.SendExpect(PurseCommands.StartFrom(Peers.Merchant.Id, Eur, 1, 1), 0x9401);
    }

    [Fact]
    public void VERIFY_CERTIFICATE_works_only_in_ISSUED()
    {
        PurseUnderTest blank = Blank();
        AssertRefusedWithoutChange(blank, PurseCommands.VerifyCertificate(Peers.Merchant.Certificate.Encoded), 0x6985);
        _purse.SendOk(TestIssuer.Default.Authorise(IssuerAuthorisation.Deactivate(_purse.Id, 0)));
        AssertRefusedWithoutChange(_purse, PurseCommands.VerifyCertificate(Peers.Merchant.Certificate.Encoded), 0x6985);
    }

    /// <summary>A correctly signed certificate whose tag 96 lists 6 currencies (the structure allows 1 to 5).</summary>
    private static byte[] SixCurrencies()
    {
        byte[] body = PurseTlvBuilder.Encode(PurseTag.CertificateBody, new PurseTlvBuilder()
            .AddByte(PurseTag.CertificateProfile, 1)
            .Add(PurseTag.IssuerId, Issuer.Id.ToArray())
            .Add(PurseTag.PurseId, PurseId.Parse("5CC0020000000009").ToArray())
            .AddByte(PurseTag.PurseClass, 1)
            .Add(PurseTag.Currencies, Hex.Decode("0978 0826 0840 0392 0756 0752"))
            .Add(PurseTag.EffectiveDate, Effective.ToArray())
            .Add(PurseTag.ExpiryDate, Expiry.ToArray())
            .Add(PurseTag.PublicKey, PurseTlvBuilder.Encode(PurseTag.PublicKeyPoint, ConformanceKeys.Customer1.PublicKey))
            .ToArray());
        byte[] signature = P256.Shared.Sign(Issuer.Key.PrivateKey, SignedMessages.Certificate(body));
        return PurseTlvBuilder.Encode(PurseTag.Certificate, new PurseTlvBuilder().AddEncoded(body).Add(PurseTag.Signature, signature).ToArray());
    }

    private static PurseCertificate SignedBody(byte profile = 1, PurseClass purseClass = PurseClass.Customer,
        CurrencyCode[]? currencies = null, BcdDate? expiry = null, byte[]? publicKey = null) =>
        Issuer.SignBody(new CertificateBody(profile, Issuer.Id, PurseId.Parse("5CC0020000000009"), purseClass, currencies ?? [Eur],
            BcdDate.Parse("250101"), expiry ?? Expiry, publicKey ?? ConformanceKeys.Customer1.PublicKey.ToArray()));
}
