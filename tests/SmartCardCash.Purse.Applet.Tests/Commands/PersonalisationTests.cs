namespace SmartCardCash.Purse.Applet.Tests.Commands;

/// <summary>GENERATE KEY PAIR, PUT DATA, ACTIVATE without data, and what a purse in PERSONALISATION shows (spec 5.4–5.6).</summary>
public class PersonalisationTests
{
    private static readonly TestIssuer Issuer = TestIssuer.Default;
    private static readonly PurseId Id = PurseId.Parse("5CC0010000000042");
    private readonly PurseUnderTest _purse = Blank();

    [Fact]
    public void A_fresh_purse_is_in_personalisation_and_shows_no_purse()
    {
        PurseFci fci = PurseResponses.ParseFci(_purse.SendOk(PurseCommands.Select()));
        Assert.Equal(PurseLifecycle.Personalisation, fci.Lifecycle);
        Assert.Null(fci.PurseId);
        Assert.Null(fci.PurseClass);
        Assert.Equal(0u, fci.NextSequenceNumber);

        Assert.Equal("870101" + "880100" + "840400000000" + "890400000000" + "920100" + "8B0100" + "93020010" + "9B02000A" + "9103000000",
            Hex.Encode(_purse.SendOk(PurseCommands.GetData(PurseDataObject.Status))));
        foreach (PurseDataObject notLoaded in new[] { PurseDataObject.Balances, PurseDataObject.PurseCertificate,
                     PurseDataObject.IssuerCertificate, PurseDataObject.PocketLimits })
        {
            AssertRefusedWithoutChange(_purse, PurseCommands.GetData(notLoaded), 0x6A88);
        }
        Assert.Equal("880100", Hex.Encode(_purse.SendOk(PurseCommands.GetData(PurseDataObject.PendingTransfer))));
    }

    [Fact]
    public void Only_personalisation_commands_work_before_activation()
    {
        foreach (CommandApdu command in new[] { PurseCommands.Abort(), PurseCommands.Resume(), PurseCommands.VerifyLockCode("1234"),
                     PurseCommands.ReadLog(PurseLogKind.Exceptions, 0), PurseCommands.StartFrom(Id, Eur, 1, 1),
                     PurseCommands.VerifyCertificate(Issuer.Certificate.Encoded), PurseCommands.Lock("1234") })
        {
            AssertRefusedWithoutChange(_purse, command, 0x6985);
        }
    }

    [Fact]
    public void GENERATE_KEY_PAIR_returns_a_valid_new_key_each_time_and_forgets_the_purse_certificate()
    {
        byte[] first = PurseResponses.ParsePublicKey(_purse.SendOk(PurseCommands.GenerateKeyPair()));
        Assert.True(P256.Shared.IsValidPublicKey(first));
        LoadCertificates(first);
        Assert.NotNull(PurseResponses.ParseFci(_purse.SendOk(PurseCommands.Select())).PurseId);

        byte[] response = _purse.SendOk(PurseCommands.GenerateKeyPair());
        Assert.Equal("7F494386", Hex.Encode(response.AsSpan(0, 4)));
        byte[] second = PurseResponses.ParsePublicKey(response);
        Assert.NotEqual(first, second);
        AssertRefusedWithoutChange(_purse, PurseCommands.GetData(PurseDataObject.PurseCertificate), 0x6A88);
        AssertRefusedWithoutChange(_purse, PurseCommands.GetData(PurseDataObject.Balances), 0x6A88);
        Assert.Null(PurseResponses.ParseFci(_purse.SendOk(PurseCommands.Select())).PurseId);
        Assert.Equal(Issuer.Certificate.Encoded.ToArray(), _purse.SendOk(PurseCommands.GetData(PurseDataObject.IssuerCertificate)));
    }

    [Fact]
    public void GENERATE_KEY_PAIR_with_data_is_6700() =>
        AssertRefusedWithoutChange(_purse, new CommandApdu(0x80, PurseInstruction.GenerateKeyPair, 0, 0, [0x01], 256), 0x6700);

    [Fact]
    public void The_issuer_certificate_is_stored_and_moves_the_trusted_date()
    {
        _purse.SendOk(PurseCommands.PutIssuerCertificate(Issuer.Certificate.Encoded));
        Assert.Equal(Issuer.Certificate.Encoded.ToArray(), _purse.SendOk(PurseCommands.GetData(PurseDataObject.IssuerCertificate)));
        Assert.Equal(BcdDate.Parse("250101"), _purse.Status().TrustedDate);
    }

    [Fact]
    public void A_broken_issuer_certificate_is_6A80()
    {
        AssertRefusedWithoutChange(_purse, PurseCommands.PutIssuerCertificate(Hex.Decode("7F2103AABBCC")), 0x6A80);
        PurseCertificate purseCertificate = Issuer.Certify(Id, PurseClass.Customer, [Eur], Effective, Expiry, ConformanceKeys.Customer1.PublicKey);
        AssertRefusedWithoutChange(_purse, PurseCommands.PutIssuerCertificate(purseCertificate.Encoded), 0x6A80);
        PurseCertificate badSelfSignature = PurseCertificate.Assemble(Issuer.Certificate.BodyEncoding,
            P256.Shared.Sign(ConformanceKeys.Stranger.PrivateKey, Issuer.Certificate.SignedBytes));
        AssertRefusedWithoutChange(_purse, PurseCommands.PutIssuerCertificate(badSelfSignature.Encoded), 0x6A80);
        var wrongHolder = new CertificateBody(1, Issuer.Id, Id, PurseClass.Issuer, [], BcdDate.Parse("250101"), BcdDate.Parse("351231"),
            Issuer.Key.PublicKey);
        AssertRefusedWithoutChange(_purse, PurseCommands.PutIssuerCertificate(Issuer.SignBody(wrongHolder).Encoded), 0x6A80);
    }

    [Fact]
    public void Replacing_the_issuer_certificate_forgets_the_purse_certificate()
    {
        LoadCertificates(PurseResponses.ParsePublicKey(_purse.SendOk(PurseCommands.GenerateKeyPair())));
        _purse.SendOk(PurseCommands.PutIssuerCertificate(Issuer.Certificate.Encoded));
        AssertRefusedWithoutChange(_purse, PurseCommands.GetData(PurseDataObject.PurseCertificate), 0x6A88);
    }

    [Fact]
    public void The_purse_certificate_needs_the_issuer_certificate_and_the_key_pair_first()
    {
        PurseCertificate certificate = Issuer.Certify(Id, PurseClass.Customer, [Eur], Effective, Expiry, ConformanceKeys.Customer1.PublicKey);
        AssertRefusedWithoutChange(_purse, PurseCommands.PutPurseCertificate(certificate.Encoded), 0x6985);
        _purse.SendOk(PurseCommands.PutIssuerCertificate(Issuer.Certificate.Encoded));
        AssertRefusedWithoutChange(_purse, PurseCommands.PutPurseCertificate(certificate.Encoded), 0x6985);
    }

    [Fact]
    public void A_malformed_purse_certificate_is_6A80_even_before_the_preconditions() =>
        AssertRefusedWithoutChange(_purse, PurseCommands.PutPurseCertificate(Hex.Decode("7F21027F4E")), 0x6A80);

    [Fact]
    public void The_purse_certificate_must_certify_the_generated_key_for_this_issuer()
    {
        byte[] publicKey = PurseResponses.ParsePublicKey(_purse.SendOk(PurseCommands.GenerateKeyPair()));
        _purse.SendOk(PurseCommands.PutIssuerCertificate(Issuer.Certificate.Encoded));

        PurseCertificate otherKey = Issuer.Certify(Id, PurseClass.Customer, [Eur], Effective, Expiry, ConformanceKeys.Customer1.PublicKey);
        AssertRefusedWithoutChange(_purse, PurseCommands.PutPurseCertificate(otherKey.Encoded), 0x6A80);
        PurseCertificate foreign = TestIssuer.Foreign.Certify(Id, PurseClass.Customer, [Eur], Effective, Expiry, publicKey);
        AssertRefusedWithoutChange(_purse, PurseCommands.PutPurseCertificate(foreign.Encoded), 0x6A80);
        AssertRefusedWithoutChange(_purse, PurseCommands.PutPurseCertificate(Issuer.Certificate.Encoded), 0x6A80);
        var badCurrency = new CertificateBody(1, Issuer.Id, Id, PurseClass.Customer, [new CurrencyCode(0x0ABC)], Effective, Expiry, publicKey);
        AssertRefusedWithoutChange(_purse, PurseCommands.PutPurseCertificate(Issuer.SignBody(badCurrency).Encoded), 0x6A80);

        CertificateBody body = CertificateBody.ForPurse(Issuer.Id, Id, PurseClass.Customer, [Eur], Effective, Expiry, publicKey);
        PurseCertificate forged = PurseCertificate.Assemble(body.Encode(),
            P256.Shared.Sign(ConformanceKeys.Stranger.PrivateKey, SignedMessages.Certificate(body.Encode())));
        AssertRefusedWithoutChange(_purse, PurseCommands.PutPurseCertificate(forged.Encoded), 0x6982);
    }

    [Fact]
    public void The_purse_certificate_creates_one_empty_pocket_per_currency_in_order()
    {
        byte[] publicKey = PurseResponses.ParsePublicKey(_purse.SendOk(PurseCommands.GenerateKeyPair()));
        PurseCertificate certificate = LoadCertificates(publicKey, Gbp, Eur, Jpy);

        Assert.Equal(certificate.Encoded.ToArray(), _purse.SendOk(PurseCommands.GetData(PurseDataObject.PurseCertificate)));
        Assert.Equal([new PocketBalance(Gbp, 0), new PocketBalance(Eur, 0), new PocketBalance(Jpy, 0)],
            PurseResponses.ParseBalances(_purse.SendOk(PurseCommands.GetData(PurseDataObject.Balances))));
        PurseStatus status = _purse.Status();
        Assert.Equal(Id, status.PurseId);
        Assert.Equal(Issuer.Id, status.IssuerId);
        Assert.Equal(PurseClass.Merchant, status.PurseClass);
        Assert.Equal(Effective, status.TrustedDate);
    }

    [Fact]
    public void Pocket_limits_need_the_certificate_a_held_currency_and_consistent_values()
    {
        AssertRefusedWithoutChange(_purse, PurseCommands.PutPocketLimits(Eur, 100, 10, 1), 0x6985);
        LoadCertificates(PurseResponses.ParsePublicKey(_purse.SendOk(PurseCommands.GenerateKeyPair())), Eur);
        AssertRefusedWithoutChange(_purse, PurseCommands.PutPocketLimits(Gbp, 100, 10, 1), 0x9404);
        AssertRefusedWithoutChange(_purse, PurseCommands.PutPocketLimits(Eur, 100, 101, 1), 0x6A80);
        AssertRefusedWithoutChange(_purse, PurseCommands.PutPocketLimits(Eur, 100, 10, 11), 0x6A80);
        AssertRefusedWithoutChange(_purse, PurseCommands.PutData(PersonalisationObject.PocketLimits, Hex.Decode("A00682020978")), 0x6A80);

        _purse.SendOk(PurseCommands.PutPocketLimits(Eur, 100, 10, 10));
        Assert.Equal([new PocketLimits(Eur, 100, 10, 10)],
            PurseResponses.ParseLimits(_purse.SendOk(PurseCommands.GetData(PurseDataObject.PocketLimits))));
    }

    [Theory]
    [InlineData("8A03313233 8B0103")]
    [InlineData("8A09313233343536373839 8B0103")]
    [InlineData("8A0431323A34 8B0103")]
    [InlineData("8A0431323334 8B0100")]
    [InlineData("8A0431323334 8B0110")]
    [InlineData("8B0103 8A0431323334")]
    [InlineData("8A0431323334")]
    public void A_lock_code_setting_outside_4_to_8_digits_and_1_to_15_tries_is_6A80(string data) =>
        AssertRefusedWithoutChange(_purse, PurseCommands.PutData(PersonalisationObject.LockCode, Hex.Decode(data)), 0x6A80);

    [Fact]
    public void The_lock_code_setting_sets_the_tries()
    {
        _purse.SendOk(PurseCommands.PutLockCode("87654321", 15));
        Assert.Equal(15, _purse.Status().LockCodeTriesRemaining);
    }

    [Fact]
    public void PUT_DATA_with_another_P2_is_6A86() =>
        AssertRefusedWithoutChange(_purse, PurseCommands.PutData((PersonalisationObject)5, [0x80, 0x00]), 0x6A86);

    [Fact]
    public void ACTIVATE_needs_every_piece_of_personalisation()
    {
        AssertRefusedWithoutChange(_purse, PurseCommands.Activate(), 0x6985);
        byte[] publicKey = PurseResponses.ParsePublicKey(_purse.SendOk(PurseCommands.GenerateKeyPair()));
        AssertRefusedWithoutChange(_purse, PurseCommands.Activate(), 0x6985);
        LoadCertificates(publicKey, Eur, Gbp);
        _purse.SendOk(PurseCommands.PutLockCode("1234", 3));
        _purse.SendOk(PurseCommands.PutPocketLimits(Eur, 100, 10, 1));
        AssertRefusedWithoutChange(_purse, PurseCommands.Activate(), 0x6985);
        _purse.SendOk(PurseCommands.PutPocketLimits(Gbp, 100, 10, 1));
        AssertRefusedWithoutChange(_purse, new CommandApdu(0x80, PurseInstruction.Activate, 0, 0, [0x89, 0x00]), 0x6700);

        _purse.SendOk(PurseCommands.Activate());

        PurseStatus status = _purse.Status();
        Assert.Equal(PurseLifecycle.Issued, status.Lifecycle);
        Assert.Equal(1u, status.NextSequenceNumber);
        Assert.Equal(0u, status.IssuerCounter);
        Assert.Equal(3, status.LockCodeTriesRemaining);
        AssertRefusedWithoutChange(_purse, PurseCommands.Activate(), 0x6985);
        AssertRefusedWithoutChange(_purse, PurseCommands.GenerateKeyPair(), 0x6985);
    }

    [Fact]
    public void ACTIVATE_without_a_lock_code_is_6985()
    {
        LoadCertificates(PurseResponses.ParsePublicKey(_purse.SendOk(PurseCommands.GenerateKeyPair())), Eur);
        _purse.SendOk(PurseCommands.PutPocketLimits(Eur, 100, 10, 1));
        AssertRefusedWithoutChange(_purse, PurseCommands.Activate(), 0x6985);
    }

    private PurseCertificate LoadCertificates(byte[] publicKey, params CurrencyCode[] currencies)
    {
        _purse.SendOk(PurseCommands.PutIssuerCertificate(Issuer.Certificate.Encoded));
        PurseCertificate certificate = Issuer.Certify(Id, PurseClass.Merchant, currencies.Length == 0 ? [Eur] : currencies,
            Effective, Expiry, publicKey);
        _purse.SendOk(PurseCommands.PutPurseCertificate(certificate.Encoded));
        return certificate;
    }
}
