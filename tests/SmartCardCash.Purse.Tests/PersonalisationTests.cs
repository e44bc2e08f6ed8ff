using SmartCardCash.Emulator;
using SmartCardCash.Issuing;
using SmartCardCash.Issuing.Personalisation;
using SmartCardCash.Purse.Errors;

namespace SmartCardCash.Purse.Tests;

public sealed class PersonalisationTests
{
    private readonly TestWorld _world = new();

    [Theory]
    [InlineData(PurseClass.Customer, 50_000u, 20_000u, 5_000u)]
    [InlineData(PurseClass.Merchant, 5_000_000u, 2_000_000u, 5_000u)]
    [InlineData(PurseClass.Bank, uint.MaxValue, uint.MaxValue, 0u)]
    public void Each_class_is_personalised_end_to_end_with_its_default_limits(PurseClass purseClass, uint maximum,
        uint transaction, uint contactless)
    {
        TestPurse purse = _world.Blank("new");

        PersonalisationResult result = _world.Personaliser.Personalise(purse.Purse,
            PersonalisationRequest.WithDefaultLimits(purseClass, [Currency.Eur.Code], "4321", lockCodeTries: 5));
        PurseInfo info = purse.Purse.ReadInfo();

        Assert.Equal(new PurseId(0x5343430A_00000001), result.PurseId);
        Assert.Equal(result.PurseId, info.PurseId);
        Assert.Equal(purseClass, info.Class);
        Assert.Equal(PurseLifecycle.Issued, info.Lifecycle);
        Assert.Equal(5, info.LockCodeTriesRemaining);
        Assert.Equal(1u, info.NextSequenceNumber);
        Assert.Equal(new PocketInfo(Currency.Eur.Code, 0, maximum, transaction, contactless), Assert.Single(info.Pockets));
        Assert.True(result.Certificate.VerifySignature(_world.Issuer.PublicKey));
        Assert.Equal(purseClass, result.Certificate.Body.Class);
        purse.Purse.VerifyLockCode("4321");
    }

    [Fact]
    public void Serials_count_up_and_the_purse_ids_carry_the_issuer_id()
    {
        TestPurse first = _world.Issued("first", PurseClass.Customer);
        TestPurse second = _world.Issued("second", PurseClass.Customer);

        Assert.Equal("5343430A00000001", first.Id.ToString());
        Assert.Equal("5343430A00000002", second.Id.ToString());
    }

    [Fact]
    public void Explicit_limits_and_several_currencies_are_written_in_order()
    {
        TestPurse purse = _world.Blank("multi");
        var request = new PersonalisationRequest(PurseClass.Customer,
            [new PocketLimits(Currency.Gbp.Code, 9_000, 3_000, 1_000), new PocketLimits(Currency.Jpy.Code, 90_000, 9_000, 900)],
            "12345678", lockCodeTries: 15);

        _world.Personaliser.Personalise(purse.Purse, request);

        Assert.Equal(request.Pockets, purse.Purse.GetLimits());
        Assert.Equal([Currency.Gbp.Code, Currency.Jpy.Code], purse.Purse.GetCertificate().Body.Currencies);
    }

    [Fact]
    public void An_issued_purse_is_not_personalised_again()
    {
        TestPurse alice = _world.Issued("alice", PurseClass.Customer);

        var error = Assert.Throws<WrongStateException>(() => _world.Personaliser.Personalise(alice.Purse,
            PersonalisationRequest.WithDefaultLimits(PurseClass.Bank, [Currency.Eur.Code], "1111")));

        Assert.Equal("alice is not blank: personalisation commands are refused once a purse is issued (or the steps came out of order)",
            error.Message);
        Assert.Equal(PurseClass.Customer, alice.Purse.Select().PurseClass);
    }

    [Fact]
    public void A_card_without_the_purse_applet_is_not_personalised()
    {
        var card = new EmulatedCard(CardProfile.FromSeed(InterfaceProfile.ContactT0, 77));
        card.PowerOn();
        PurseCard empty = PurseCard.Open(card.OpenChannel(), "empty");

        Assert.Throws<PurseNotFoundException>(() => _world.Personaliser.Personalise(empty,
            PersonalisationRequest.WithDefaultLimits(PurseClass.Customer, [Currency.Eur.Code], "1111")));
    }

    [Fact]
    public void Personalisation_works_over_t0_where_every_answer_comes_through_get_response()
    {
        TestPurse purse = _world.Blank("t0", InterfaceProfile.ContactT0);

        PersonalisationResult result = _world.Personaliser.Personalise(purse.Purse,
            PersonalisationRequest.WithDefaultLimits(PurseClass.Merchant, [Currency.Chf.Code], "1111"));

        Assert.Equal(result.PurseId, purse.Purse.Select().PurseId);
    }

    [Theory]
    [InlineData("123")]
    [InlineData("123456789")]
    [InlineData("12a4")]
    public void A_request_with_a_bad_lock_code_is_refused(string code)
    {
        Assert.Throws<ArgumentException>(() =>
            PersonalisationRequest.WithDefaultLimits(PurseClass.Customer, [Currency.Eur.Code], code));
    }

    [Fact]
    public void A_request_with_inconsistent_limits_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new PersonalisationRequest(PurseClass.Customer,
            [new PocketLimits(Currency.Eur.Code, 100, 200, 50)], "1234"));

        Assert.Contains("contactless ≤ transaction ≤ maximum", error.Message);
    }

    [Fact]
    public void The_request_never_shows_its_lock_code()
    {
        var request = PersonalisationRequest.WithDefaultLimits(PurseClass.Customer, [Currency.Eur.Code], "97531");

        Assert.DoesNotContain("97531", request.ToString());
    }

    [Theory]
    [InlineData("JPY", 5_000_000u)]
    [InlineData("KWD", 50_000_000u)]
    [InlineData("GBP", 5_000_000u)]
    public void Merchant_defaults_scale_with_the_minor_unit(string currency, uint maximum)
    {
        PocketLimits limits = PurseLimitDefaults.For(PurseClass.Merchant, Currency.FromAlpha(currency).Code);

        Assert.Equal(maximum, limits.MaximumBalance);
        Assert.True(limits.AreConsistent);
    }

    [Fact]
    public void Activating_before_personalisation_is_complete_is_refused()
    {
        TestPurse purse = _world.Blank("early");
        purse.Purse.Select();
        purse.Purse.GenerateKeyPair();

        var error = Assert.Throws<WrongStateException>(purse.Purse.Activate);

        Assert.Contains("a key pair, both certificates, every pocket's limits and a lock code are needed first", error.Message);
        Assert.Equal(PurseLifecycle.Personalisation, purse.Purse.Select().Lifecycle);
    }

    [Fact]
    public void A_purse_certificate_from_another_issuer_is_refused_at_put_data()
    {
        TestPurse purse = _world.Blank("mixed");
        purse.Purse.Select();
        byte[] key = purse.Purse.GenerateKeyPair();
        Issuer forger = Issuer.FromKeyPair(TestWorld.IssuerId, P256KeyPair.FromPrivateKeyHex(
            "4444444444444444444444444444444444444444444444444444444444444444"), TestWorld.Today);
        purse.Purse.PutIssuerCertificate(_world.Issuer.Certificate);

        var error = Assert.Throws<SignatureInvalidException>(() => purse.Purse.PutPurseCertificate(
            forger.IssuePurseCertificate(forger.PurseIdFor(1), PurseClass.Customer, [Currency.Eur.Code], key, TestWorld.Today)));

        Assert.Contains("not signed by the issuer whose certificate mixed holds", error.Message);
    }
}
