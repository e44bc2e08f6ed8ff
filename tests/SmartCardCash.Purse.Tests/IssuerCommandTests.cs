using SmartCardCash.Issuing;
using SmartCardCash.Purse.Errors;
using SmartCardCash.Purse.Issuing;

namespace SmartCardCash.Purse.Tests;

public sealed class IssuerCommandTests
{
    private readonly TestWorld _world = new();

    [Fact]
    public void Mint_credits_a_bank_purse_and_reports_the_counter_it_used()
    {
        TestPurse bank = _world.Issued("bank", PurseClass.Bank, Currency.Eur, Currency.Gbp);
        bank.Purse.Select();

        MintReceipt first = bank.Purse.Mint(_world.Issuer, Money.Of(Currency.Gbp, 5_000));
        MintReceipt second = bank.Purse.Mint(_world.Issuer, Money.Of(Currency.Gbp, 2_500));

        Assert.Equal(0u, first.IssuerCounter);
        Assert.Equal(1u, second.IssuerCounter);
        Assert.Equal(bank.Id, second.Purse);
        Assert.Equal("GBP 75.00", second.BalanceAfterMoney.ToString());
        Assert.Equal(2u, bank.Purse.GetStatus().IssuerCounter);
    }

    [Fact]
    public void Mint_into_a_customer_purse_is_refused_with_the_purse_class()
    {
        TestPurse alice = _world.Issued("alice", PurseClass.Customer);
        alice.Purse.Select();

        var error = Assert.Throws<ClassesMayNotTransferException>(() => alice.Purse.Mint(_world.Issuer, Money.Of(Currency.Eur, 100)));

        Assert.Equal("alice is a customer purse: value is minted into bank purses only", error.Message);
        Assert.Equal(PurseStatusWords.ClassesMayNotTransfer, error.StatusWord);
        Assert.Equal(PurseCommand.Mint, error.Command);
    }

    [Fact]
    public void Mint_in_a_currency_the_bank_does_not_hold_names_its_currencies()
    {
        TestPurse bank = _world.Issued("bank", PurseClass.Bank, Currency.Eur);
        bank.Purse.Select();

        var error = Assert.Throws<CurrencyNotHeldException>(() => bank.Purse.Mint(_world.Issuer, Money.Of(Currency.Jpy, 100)));

        Assert.Equal("bank holds no JPY pocket; its currencies are EUR", error.Message);
    }

    [Fact]
    public void Mint_of_zero_is_malformed()
    {
        TestPurse bank = _world.Issued("bank", PurseClass.Bank);
        bank.Purse.Select();

        Assert.Throws<MalformedDataException>(() => bank.Purse.Mint(_world.Issuer, Money.Of(Currency.Eur, 0)));
    }

    [Fact]
    public void Mint_signed_by_another_issuer_names_the_purse_issuer()
    {
        TestPurse bank = _world.Issued("bank", PurseClass.Bank);
        Issuer other = Issuer.FromKeyPair(new IssuerId(0x0A0B0C0D), P256KeyPair.FromPrivateKeyHex(
            "3333333333333333333333333333333333333333333333333333333333333333"), TestWorld.Today);
        bank.Purse.Select();

        var error = Assert.Throws<SignatureInvalidException>(() => bank.Purse.Mint(other, Money.Of(Currency.Eur, 100)));

        Assert.Contains("the purse belongs to issuer 5343430A", error.Message);
        Assert.Equal(0u, bank.Purse.GetStatus().IssuerCounter);
    }

    [Fact]
    public void A_replayed_authorisation_is_wrong_state()
    {
        TestPurse bank = _world.Issued("bank", PurseClass.Bank);
        bank.Purse.Select();
        SignedIssuerAuthorisation mint = _world.Issuer.Authorise(IssuerAuthorisation.Mint(bank.Id, 0, Currency.Eur.Code, 100));
        bank.Purse.Execute(mint);

        var error = Assert.Throws<WrongStateException>(() => bank.Purse.Execute(mint));

        Assert.Contains("issuer counter", error.Message);
        Assert.Equal(100u, TestWorld.BalanceOf(bank, Currency.Eur));
    }

    [Fact]
    public void Deactivate_blocks_and_reactivate_unblocks()
    {
        TestPurse alice = _world.Issued("alice", PurseClass.Customer);
        alice.Purse.Select();

        alice.Purse.Deactivate(_world.Issuer);
        PurseFci blocked = alice.Purse.Select();
        var refused = Assert.Throws<WrongStateException>(() => alice.Purse.Lock(TestWorld.LockCode));
        alice.Purse.Activate(_world.Issuer);

        Assert.Equal(PurseLifecycle.Blocked, blocked.Lifecycle);
        Assert.Contains("does not allow LOCK", refused.Message);
        Assert.Equal(PurseLifecycle.Issued, alice.Purse.Select().Lifecycle);
    }

    [Fact]
    public void Reset_lock_code_unblocks_a_blocked_code()
    {
        TestPurse alice = _world.Issued("alice", PurseClass.Customer);
        alice.Purse.Select();
        for (int i = 0; i < 3; i++)
        {
            Assert.Throws<WrongLockCodeException>(() => alice.Purse.VerifyLockCode("0000"));
        }

        alice.Purse.ResetLockCode(_world.Issuer, "2468");
        alice.Purse.VerifyLockCode("2468");

        Assert.Equal(new LockCodeState(true, 3, false), alice.Purse.GetLockCodeState());
    }

    [Fact]
    public void Clear_exception_log_clears_exactly_the_records_read()
    {
        TestPurse bank = _world.FundedBank("bank", 10_000);
        TestPurse alice = _world.Issued("alice", PurseClass.Customer);
        TestWorld.AbortedStartTo(bank, alice);

        IReadOnlyList<ExceptionLogEntry> cleared = alice.Purse.ClearExceptionLog(_world.Issuer);

        Assert.Single(cleared);
        Assert.Empty(alice.Purse.ReadExceptionLog());
    }

    [Fact]
    public void Terminate_is_refused_while_the_purse_holds_value_and_final_once_empty()
    {
        TestPurse bank = _world.FundedBank("bank", 10_000);
        TestPurse alice = _world.Issued("alice", PurseClass.Customer);
        TestWorld.Pay(bank, alice, Currency.Eur.Code, 100);
        alice.Purse.Select();

        var refused = Assert.Throws<WrongStateException>(() => alice.Purse.Terminate(_world.Issuer));
        TestWorld.Pay(alice, bank, Currency.Eur.Code, 100);
        alice.Purse.Select();
        alice.Purse.Terminate(_world.Issuer);

        Assert.Contains("zero balances", refused.Message);
        var terminated = Assert.Throws<PurseTerminatedException>(alice.Purse.Select);
        Assert.Equal("alice is terminated: it holds nothing and answers nothing any more", terminated.Message);
    }

    [Fact]
    public void Clearing_with_the_digest_of_another_log_is_refused_and_clears_nothing()
    {
        TestPurse bank = _world.FundedBank("bank", 10_000);
        TestPurse alice = _world.Issued("alice", PurseClass.Customer);
        TestWorld.AbortedStartTo(bank, alice);
        byte[] emptyLogDigest = ExceptionRecord.LogDigest([]);

        var error = Assert.Throws<WrongStateException>(() => alice.Purse.Execute(_world.Issuer.Authorise(
            IssuerAuthorisation.ClearExceptionLog(alice.Id, 0, emptyLogDigest))));

        Assert.Contains("the log changed since it was read", error.Message);
        Assert.Single(alice.Purse.ReadExceptionLog());
    }
}
