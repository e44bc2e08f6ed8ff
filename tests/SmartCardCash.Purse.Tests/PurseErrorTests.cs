using SmartCardCash.Emulator;
using SmartCardCash.Iso7816;
using SmartCardCash.Iso7816.Errors;
using SmartCardCash.Issuing;
using SmartCardCash.Purse.Errors;

namespace SmartCardCash.Purse.Tests;

/// <summary>The typed errors, each provoked on a real emulated purse.</summary>
public sealed class PurseErrorTests
{
    private readonly TestWorld _world = new();

    [Fact]
    public void Insufficient_funds_says_what_the_purse_has_and_what_the_payment_needs()
    {
        TestPurse bank = _world.FundedBank("bank", 10_000);
        TestPurse alice = _world.Issued("alice", PurseClass.Customer);
        TestPurse shop = _world.Issued("shop", PurseClass.Merchant);
        TestWorld.Pay(bank, alice, Currency.Eur.Code, 500);
        uint sequence = TestWorld.Introduce(alice, shop);

        var error = Assert.Throws<InsufficientFundsException>(() => alice.Purse.StartFrom(shop.Id, Money.Of(Currency.Eur, 1_250), sequence));

        Assert.Equal("alice has EUR 5.00; the payment needs EUR 12.50", error.Message);
        Assert.Equal(new Money(Currency.Eur.Code, 500), error.Available);
        Assert.Equal(new Money(Currency.Eur.Code, 1_250), error.Required);
        Assert.Equal(PurseStatusWords.InsufficientFunds, error.StatusWord);
        Assert.Equal(PurseCommand.StartFrom, error.Command);
        Assert.IsAssignableFrom<CardStatusException>(error);
    }

    [Fact]
    public void A_payment_above_the_transaction_limit_names_the_limit()
    {
        TestPurse bank = _world.FundedBank("bank", 100_000);
        TestPurse alice = _world.Issued("alice", PurseClass.Customer);
        uint sequence = TestWorld.Introduce(bank, alice);

        var error = Assert.Throws<TransactionLimitException>(() => alice.Purse.StartTo(bank.Id, Money.Of(Currency.Eur, 25_000), sequence));

        Assert.Equal("EUR 250.00 is above alice's transaction limit of EUR 200.00", error.Message);
        Assert.Equal(new Money(Currency.Eur.Code, 20_000), error.Limit);
    }

    [Fact]
    public void A_payment_above_the_maximum_balance_names_balance_and_maximum()
    {
        TestPurse bank = _world.FundedBank("bank", 100_000);
        TestPurse alice = _world.Issued("alice", PurseClass.Customer);
        TestWorld.Pay(bank, alice, Currency.Eur.Code, 20_000);
        TestWorld.Pay(bank, alice, Currency.Eur.Code, 20_000);
        uint sequence = TestWorld.Introduce(bank, alice);

        var error = Assert.Throws<BalanceLimitException>(() => alice.Purse.StartTo(bank.Id, Money.Of(Currency.Eur, 15_000), sequence));

        Assert.Equal("alice holds EUR 400.00 of at most EUR 500.00; EUR 150.00 more would exceed it", error.Message);
    }

    [Fact]
    public void A_currency_neither_side_holds_is_refused()
    {
        TestPurse bank = _world.FundedBank("bank", 100_000);
        TestPurse alice = _world.Issued("alice", PurseClass.Customer, Currency.Gbp);
        uint sequence = TestWorld.Introduce(bank, alice);

        var error = Assert.Throws<CurrencyNotHeldException>(() => bank.Purse.StartFrom(alice.Id, Money.Of(Currency.Eur, 100), sequence));

        Assert.Equal("EUR is not held by bank or by the counterparty", error.Message);
    }

    [Fact]
    public void A_merchant_may_not_pay_a_merchant()
    {
        TestPurse shop = _world.Issued("shop", PurseClass.Merchant);
        TestPurse other = _world.Issued("other", PurseClass.Merchant);
        uint sequence = TestWorld.Introduce(shop, other);

        var error = Assert.Throws<ClassesMayNotTransferException>(() => shop.Purse.StartFrom(other.Id, Money.Of(Currency.Eur, 100), sequence));

        Assert.Contains("a merchant cannot pay a merchant", error.Message);
    }

    [Fact]
    public void Starting_without_a_verified_peer_is_refused()
    {
        TestPurse alice = _world.Issued("alice", PurseClass.Customer);
        TestPurse bob = _world.Issued("bob", PurseClass.Customer);
        alice.Purse.Select();

        var error = Assert.Throws<NoVerifiedPeerException>(() => alice.Purse.StartFrom(bob.Id, Money.Of(Currency.Eur, 100), 1));

        Assert.Equal(StatusWord.ReferencedDataNotFound, error.StatusWord);
        Assert.Contains("has not verified the counterparty's certificate", error.Message);
    }

    [Fact]
    public void A_purse_refuses_its_own_certificate_as_counterparty()
    {
        TestPurse alice = _world.Issued("alice", PurseClass.Customer);
        alice.Purse.Select();

        Assert.Throws<CounterpartyIsSelfException>(() => alice.Purse.VerifyCertificate(alice.Certificate));
    }

    [Fact]
    public void A_certificate_from_another_issuer_is_malformed_for_the_purse()
    {
        TestPurse alice = _world.Issued("alice", PurseClass.Customer);
        var elsewhere = new TestWorld(Issuer.FromKeyPair(new IssuerId(0x01020304), P256KeyPair.FromPrivateKeyHex(
            "1111111111111111111111111111111111111111111111111111111111111111"), TestWorld.Today));
        TestPurse stranger = elsewhere.Issued("stranger", PurseClass.Customer);
        alice.Purse.Select();

        var error = Assert.Throws<MalformedDataException>(() => alice.Purse.VerifyCertificate(stranger.Certificate));

        Assert.Contains("malformed, or from another issuer", error.Message);
    }

    [Fact]
    public void A_certificate_signed_by_a_forged_issuer_key_does_not_verify()
    {
        TestPurse alice = _world.Issued("alice", PurseClass.Customer);
        // Same issuer ID, another key: the structure is right, the signature is not.
        var forger = new TestWorld(Issuer.FromKeyPair(TestWorld.IssuerId, P256KeyPair.FromPrivateKeyHex(
            "2222222222222222222222222222222222222222222222222222222222222222"), TestWorld.Today));
        TestPurse forged = forger.Issued("forged", PurseClass.Customer);
        alice.Purse.Select();

        var error = Assert.Throws<SignatureInvalidException>(() => alice.Purse.VerifyCertificate(forged.Certificate));

        Assert.Contains("not signed by alice's issuer", error.Message);
    }

    [Fact]
    public void An_expired_counterparty_certificate_is_refused()
    {
        TestPurse alice = _world.Issued("alice", PurseClass.Customer);
        TestPurse old = _world.Blank("old");
        old.Purse.Select();
        byte[] key = old.Purse.GenerateKeyPair();
        PurseCertificate expired = _world.Issuer.IssuePurseCertificate(_world.Issuer.PurseIdFor(999), PurseClass.Customer,
            [Currency.Eur.Code], key, new DateOnly(2020, 1, 1), validityYears: 1);
        alice.Purse.Select();

        var error = Assert.Throws<CertificateExpiredException>(() => alice.Purse.VerifyCertificate(expired));

        Assert.Contains("counterparty's certificate has expired", error.Message);
    }

    [Fact]
    public void A_locked_purse_cannot_pay_and_says_so()
    {
        TestPurse alice = _world.Issued("alice", PurseClass.Customer);
        TestPurse bank = _world.FundedBank("bank", 10_000);
        TestWorld.Pay(bank, alice, Currency.Eur.Code, 1_000);
        alice.Purse.Select();
        alice.Purse.Lock(TestWorld.LockCode);
        uint sequence = TestWorld.Introduce(alice, bank);

        var error = Assert.Throws<PurseLockedException>(() => alice.Purse.StartFrom(bank.Id, Money.Of(Currency.Eur, 100), sequence));

        Assert.Equal("alice is locked: it can receive but not pay until it is unlocked with its lock code", error.Message);
        Assert.Equal(StatusWord.SecurityStatusNotSatisfied, error.StatusWord);
    }

    [Fact]
    public void A_contactless_payment_above_the_limit_needs_the_lock_code()
    {
        TestPurse bank = _world.FundedBank("bank", 100_000);
        TestPurse alice = _world.Issued("alice", PurseClass.Customer, InterfaceProfile.Contactless, Currency.Eur);
        TestWorld.Pay(bank, alice, Currency.Eur.Code, 10_000);
        uint sequence = TestWorld.Introduce(alice, bank);

        var error = Assert.Throws<LockCodeRequiredException>(() => alice.Purse.StartFrom(bank.Id, Money.Of(Currency.Eur, 6_000), sequence));
        alice.Purse.VerifyLockCode(TestWorld.LockCode);
        PaymentDetails pd = alice.Purse.StartFrom(bank.Id, Money.Of(Currency.Eur, 6_000), sequence);

        Assert.Equal("alice needs its lock code for a contactless payment of EUR 60.00, above its contactless limit of EUR 50.00",
            error.Message);
        Assert.Equal(6_000u, pd.Value);
    }

    [Fact]
    public void Wrong_lock_codes_count_down_then_block()
    {
        TestPurse alice = _world.Issued("alice", PurseClass.Customer);
        alice.Purse.Select();

        var first = Assert.Throws<WrongLockCodeException>(() => alice.Purse.Lock("0000"));
        var second = Assert.Throws<WrongLockCodeException>(() => alice.Purse.Unlock("0000"));
        var third = Assert.Throws<WrongLockCodeException>(() => alice.Purse.VerifyLockCode("0000"));
        var blocked = Assert.Throws<LockCodeBlockedException>(() => alice.Purse.VerifyLockCode(TestWorld.LockCode));

        Assert.Equal("wrong lock code, 2 tries left", first.Message);
        Assert.Equal(2, first.TriesLeft);
        Assert.Equal("wrong lock code, 1 try left", second.Message);
        Assert.Equal(0, third.TriesLeft);
        Assert.Contains("no tries left", third.Message);
        Assert.Equal(PurseStatusWords.LockCodeBlocked, blocked.StatusWord);
        Assert.True(alice.Purse.GetLockCodeState().Blocked);
    }

    [Fact]
    public void Changing_the_lock_code_takes_the_old_one_and_sets_the_new_one()
    {
        TestPurse alice = _world.Issued("alice", PurseClass.Customer);
        alice.Purse.Select();

        Assert.Throws<WrongLockCodeException>(() => alice.Purse.ChangeLockCode("9999", "55555"));
        alice.Purse.ChangeLockCode(TestWorld.LockCode, "55555");
        alice.Purse.Select();

        Assert.Throws<WrongLockCodeException>(() => alice.Purse.VerifyLockCode(TestWorld.LockCode));
        alice.Purse.VerifyLockCode("55555");
        Assert.True(alice.Purse.GetLockCodeState().VerifiedInSession);
    }

    [Fact]
    public void A_malformed_lock_code_is_refused_before_anything_is_sent()
    {
        TestPurse alice = _world.Issued("alice", PurseClass.Customer);
        alice.Purse.Select();

        Assert.Throws<FormatException>(() => alice.Purse.VerifyLockCode("12a4"));
        Assert.Throws<FormatException>(() => alice.Purse.Lock("123"));

        Assert.Equal(3, alice.Purse.GetStatus().LockCodeTriesRemaining);
    }

    [Fact]
    public void A_full_exception_log_stops_new_transfers()
    {
        TestPurse bank = _world.FundedBank("bank", 10_000);
        TestPurse alice = _world.Issued("alice", PurseClass.Customer);
        TestWorld.Introduce(bank, alice);
        for (int i = 0; i < PurseConstants.ExceptionLogCapacity; i++)
        {
            alice.Purse.StartTo(bank.Id, Money.Of(Currency.Eur, 100), (uint)(100 + i));
            alice.Purse.Abort();
        }

        var error = Assert.Throws<ExceptionLogFullException>(() => alice.Purse.StartTo(bank.Id, Money.Of(Currency.Eur, 100), 500));

        Assert.Equal(new LogOccupancy(16, 16), alice.Purse.ReadInfo().ExceptionLog);
        Assert.Contains("exception log is full", error.Message);
    }

    [Fact]
    public void A_protected_message_out_of_turn_is_wrong_state_and_one_with_a_bad_signature_is_refused()
    {
        TestPurse bank = _world.FundedBank("bank", 10_000);
        TestPurse alice = _world.Issued("alice", PurseClass.Customer);
        (PaymentDetails pd, ProtectedMessage req) = TestWorld.Start(bank, alice, Money.Of(Currency.Eur, 100));
        var forged = new ProtectedMessage(MessageType.Req, req.Details, _world.Issuer.Sign(
            IssuerAuthorisation.Deactivate(alice.Id, 0)));

        var outOfTurn = Assert.Throws<WrongStateException>(() => alice.Purse.Ack(new ProtectedMessage(MessageType.Ack, pd, req.Signature)));
        var badSignature = Assert.Throws<SignatureInvalidException>(() => bank.Purse.Req(forged));
        ProtectedMessage val = bank.Purse.Req(req);

        Assert.Contains("not expecting this ACK message", outOfTurn.Message);
        Assert.Contains("its signature does not verify", badSignature.Message);
        Assert.Equal(MessageType.Val, val.Type);
    }

    [Fact]
    public void Selecting_a_card_without_the_purse_is_purse_not_found()
    {
        var card = new EmulatedCard(CardProfile.FromSeed(InterfaceProfile.ContactT1, 9));
        card.PowerOn();
        PurseCard purse = PurseCard.Open(card.OpenChannel(), "empty");

        var error = Assert.Throws<PurseNotFoundException>(purse.Select);

        Assert.Equal(StatusWord.FileOrApplicationNotFound, error.StatusWord);
        Assert.Contains("no SmartCardCash purse on this card", error.Message);
    }

    [Fact]
    public void Reading_a_certificate_of_a_blank_purse_is_data_not_loaded()
    {
        TestPurse blank = _world.Blank("blank");
        blank.Purse.Select();

        var error = Assert.Throws<DataNotLoadedException>(blank.Purse.GetCertificate);

        Assert.Equal("blank does not hold that data yet: it is not personalised", error.Message);
    }
}
