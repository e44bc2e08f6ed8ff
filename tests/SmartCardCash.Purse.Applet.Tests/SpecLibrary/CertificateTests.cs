namespace SmartCardCash.Purse.Applet.Tests.SpecLibrary;

/// <summary>Compact certificates (spec 3.3) and the signed messages (spec 3.2).</summary>
public class CertificateTests
{
    private static readonly TestIssuer Issuer = TestIssuer.Default;
    private static readonly PurseId Holder = PurseId.Parse("5CC0010000000001");
    private static readonly CurrencyCode[] FiveCurrencies =
        [Currency.Eur.Code, Currency.Gbp.Code, Currency.Usd.Code, Currency.Jpy.Code, Currency.Chf.Code];

    [Fact]
    public void A_purse_certificate_has_the_tag_structure_of_spec_3_3()
    {
        PurseCertificate certificate = Issuer.Certify(Holder, PurseClass.Customer, [Currency.Eur.Code],
            BcdDate.Parse("250601"), BcdDate.Parse("301231"), ConformanceKeys.Customer1.PublicKey);
        string hex = Hex.Encode(certificate.Encoded);
        string body = "990101" + "95045CC00001" + "80085CC0010000000001" + "810101" + "96020978" + "9703250601" +
            "9803301231" + "7F494386" + "41" + Hex.Encode(ConformanceKeys.Customer1.PublicKey);
        Assert.StartsWith("7F21", hex, StringComparison.Ordinal);
        Assert.Contains("7F4E" + (body.Length / 2).ToString("X2", System.Globalization.CultureInfo.InvariantCulture) + body, hex,
            StringComparison.Ordinal);
        Assert.True(certificate.VerifySignature(Issuer.Key.PublicKey));
        Assert.Null(certificate.Body.FindContentProblem());
    }

    [Fact]
    public void The_largest_certificates_fit_the_sizes_the_spec_promises()
    {
        PurseCertificate purse = Issuer.Certify(Holder, PurseClass.Bank, FiveCurrencies, BcdDate.Parse("250101"),
            BcdDate.Parse("301231"), ConformanceKeys.Bank1.PublicKey);
        Assert.Equal(117, purse.BodyEncoding.Length);
        Assert.True(purse.Encoded.Length <= 195);
        Assert.True(Issuer.Certificate.Encoded.Length <= 183);
        Assert.True(Issuer.Certificate.IsValidlySelfSigned());
        Assert.Equal(PurseId.ForIssuer(Issuer.Id), Issuer.Certificate.Body.Holder);
    }

    [Fact]
    public void Parsing_round_trips_and_decoding_refuses_broken_values()
    {
        PurseCertificate original = Issuer.Certify(Holder, PurseClass.Merchant, [Currency.Eur.Code, Currency.Gbp.Code],
            BcdDate.Parse("250101"), BcdDate.Parse("301231"), ConformanceKeys.Merchant1.PublicKey);
        PurseCertificate parsed = PurseCertificate.Decode(original.Encoded);
        Assert.Equal(original.Encoded.ToArray(), parsed.Encoded.ToArray());
        Assert.Equal([Currency.Eur.Code, Currency.Gbp.Code], parsed.Body.Currencies);

        Assert.Contains("listed twice", BrokenBody(currencies: [Currency.Eur.Code, Currency.Eur.Code]), StringComparison.Ordinal);
        Assert.Contains("profile", BrokenBody(profile: 2), StringComparison.Ordinal);
        Assert.Contains("after the expiry", BrokenBody(effective: BcdDate.Parse("310101")), StringComparison.Ordinal);
        Assert.Contains("not valid BCD dates", BrokenBody(effective: BcdDate.Parse("251301")), StringComparison.Ordinal);
        Assert.Contains("class", BrokenBody(purseClass: (PurseClass)4), StringComparison.Ordinal);
        Assert.Contains("BCD code", BrokenBody(currencies: [new CurrencyCode(0x0A00)]), StringComparison.Ordinal);
        Assert.Contains("1 to 5 currencies", BrokenBody(currencies: []), StringComparison.Ordinal);
        byte[] offCurve = ConformanceKeys.Customer1.PublicKey.ToArray();
        offCurve[64] ^= 1;
        Assert.Contains("public key", BrokenBody(publicKey: offCurve), StringComparison.Ordinal);
    }

    [Fact]
    public void Structure_errors_are_refused_by_parse()
    {
        byte[] encoded = Issuer.Certificate.ToArray();
        Assert.Throws<PurseFormatException>(() => PurseCertificate.Parse([.. encoded, 0x00]));
        Assert.Throws<PurseFormatException>(() => PurseCertificate.Parse(encoded[..^1]));
        byte[] wrongOuterTag = (byte[])encoded.Clone();
        wrongOuterTag[1] = 0x22;
        Assert.Throws<PurseFormatException>(() => PurseCertificate.Parse(wrongOuterTag));
    }

    [Fact]
    public void Signed_messages_are_the_exact_byte_strings_of_spec_3_2()
    {
        var pd = new PaymentDetails(Holder, PurseId.Parse("5CC0010000000002"), Currency.Eur.Code, 5, 1, 2);
        Assert.Equal("5343433101" + Hex.Encode(pd.Encode()), Hex.Encode(SignedMessages.Req(pd)));
        Assert.Equal("5343433102" + Hex.Encode(pd.Encode()), Hex.Encode(SignedMessages.Val(pd)));
        Assert.Equal("5343433103" + Hex.Encode(pd.Encode()), Hex.Encode(SignedMessages.Ack(pd)));
        var record = new ExceptionRecord(ExceptionReason.PayerAbortedInEpa, pd);
        Assert.Equal("5343433110" + "5CC0010000000001" + Hex.Encode(record.Encode()),
            Hex.Encode(SignedMessages.ExceptionLogRecord(Holder, record)));
        Assert.Equal("5343433130" + Hex.Encode(Issuer.Certificate.BodyEncoding), Hex.Encode(Issuer.Certificate.SignedBytes));
    }

    [Fact]
    public void Issuer_authorisations_sign_type_purse_counter_and_parameters_and_append_counter_and_signature()
    {
        IssuerAuthorisation mint = IssuerAuthorisation.Mint(Holder, 7, Currency.Eur.Code, 0x1000);
        Assert.Equal("82020978" + "830400001000", Hex.Encode(mint.Parameters));
        Assert.Equal("5343433120" + "5CC0010000000001" + "00000007" + "82020978830400001000", Hex.Encode(mint.SignedBytes));
        byte[] signature = mint.Sign(Issuer.Key.PrivateKey);
        CommandApdu command = mint.ToCommand(signature);
        Assert.Equal(0x80, command.Cla);
        Assert.Equal(PurseInstruction.Mint, command.Ins);
        Assert.Equal("82020978830400001000" + "890400000007" + "9E" + signature.Length.ToString("X2", System.Globalization.CultureInfo.InvariantCulture) +
            Hex.Encode(signature), Hex.Encode(command.Data.Span));
        Assert.Equal("5343433124" + "5CC0010000000001" + "00000000", Hex.Encode(IssuerAuthorisation.Terminate(Holder, 0).SignedBytes));
        Assert.Equal("8A0431323334", Hex.Encode(IssuerAuthorisation.ResetLockCode(Holder, 1, "1234").Parameters));
    }

    private static string BrokenBody(byte profile = 1, PurseClass purseClass = PurseClass.Customer, CurrencyCode[]? currencies = null,
        BcdDate? effective = null, byte[]? publicKey = null)
    {
        var body = new CertificateBody(profile, Issuer.Id, Holder, purseClass, currencies ?? [Currency.Eur.Code],
            effective ?? BcdDate.Parse("250101"), BcdDate.Parse("301231"), publicKey ?? ConformanceKeys.Customer1.PublicKey.ToArray());
        string? problem = body.FindContentProblem();
        Assert.NotNull(problem);
        Assert.Throws<PurseFormatException>(() => PurseCertificate.Decode(Issuer.SignBody(body).Encoded));
        return problem;
    }
}
