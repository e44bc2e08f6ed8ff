using SmartCardCash.Emulator;

namespace SmartCardCash.Purse.Applet.Tests.Commands;

/// <summary>START FROM and START TO: every check in the order of spec 5.8 and 5.9, and "abort first, precisely" (4.3).</summary>
public class StartTests
{
    private readonly PurseUnderTest _customer = Peers.Loaded(PurseClass.Customer, 10_000, Eur, Gbp);

    [Fact]
    public void START_FROM_fixes_the_PD_with_this_purse_as_payer_and_enters_epr()
    {
        uint nextSeq = _customer.NextSeq;
        byte[] digest = System.Security.Cryptography.SHA256.HashData("order 42"u8);
        _customer.VerifyPeer(Peers.Merchant.Certificate);

        byte[] response = _customer.SendOk(PurseCommands.StartFrom(Peers.Merchant.Id, Eur, 1_500, 77, digest));

        var expected = new PaymentDetails(_customer.Id, Peers.Merchant.Id, Eur, 1_500, nextSeq, 77, digest);
        Assert.Equal(expected.ToTlv(), response);
        PurseStatus status = _customer.Status();
        Assert.Equal(TransferState.ExpectingReq, status.TransferState);
        Assert.Equal(nextSeq + 1, status.NextSequenceNumber);
        Assert.Equal(expected, _customer.Pending().Details);
        Assert.Equal(10_000u, _customer.Balance(Eur));
        AssertRefusedWithoutChange(_customer, PurseCommands.Resume(), 0x6A88);
    }

    [Fact]
    public void START_TO_fixes_the_PD_with_this_purse_as_payee_and_answers_a_signed_req()
    {
        uint nextSeq = _customer.NextSeq;
        _customer.VerifyPeer(Peers.Bank.Certificate);

        ProtectedMessage req = ProtectedMessage.Parse(MessageType.Req, _customer.SendOk(PurseCommands.StartTo(Peers.Bank.Id, Gbp, 900, 5)));

        Assert.Equal(new PaymentDetails(Peers.Bank.Id, _customer.Id, Gbp, 900, 5, nextSeq), req.Details);
        Assert.True(req.Verify(_customer.PublicKey));
        Assert.Equal(TransferState.ExpectingVal, _customer.Status().TransferState);
        Assert.Equal(nextSeq + 1, _customer.NextSeq);
        Assert.Equal(req.ToData(), _customer.SendOk(PurseCommands.Resume())[3..]);
    }

    [Theory]
    [InlineData("8008 5CC0020000000003 82020978 830400000000 840400000001")]
    [InlineData("8008 5CC0020000000003 82020978 830400000001")]
    [InlineData("82020978 8008 5CC0020000000003 830400000001 840400000001")]
    [InlineData("8008 5CC0020000000003 82020978 830400000001 840400000001 8501AA")]
    [InlineData("8008 5CC0020000000003 82020978 830400000001 840400000001 9101AA")]
    [InlineData("8008 5CC0020000000003 82020978 8303000001 840400000001")]
    [InlineData("8081085CC0020000000003 82020978 830400000001 840400000001")]
    public void A_malformed_start_is_6A80_and_does_not_abort(string data)
    {
        _customer.StartReceiving(Peers.Bank, Eur, 100);
        AssertRefusedWithoutChange(_customer, new CommandApdu(0x80, PurseInstruction.StartFrom, 0, 0, Hex.Decode(data), 256), 0x6A80);
        AssertRefusedWithoutChange(_customer, new CommandApdu(0x80, PurseInstruction.StartTo, 0, 0, Hex.Decode(data), 256), 0x6A80);
        Assert.Equal(TransferState.ExpectingVal, _customer.Status().TransferState);
    }

    [Fact]
    public void Without_a_verified_peer_or_for_another_purse_START_is_6A88()
    {
        AssertRefusedWithoutChange(_customer, PurseCommands.StartFrom(Peers.Merchant.Id, Eur, 1, 1), 0x6A88);
        _customer.VerifyPeer(Peers.Merchant.Certificate);
        AssertRefusedWithoutChange(_customer, PurseCommands.StartFrom(Peers.OtherCustomer.Id, Eur, 1, 1), 0x6A88);
        AssertRefusedWithoutChange(_customer, PurseCommands.StartTo(Peers.OtherCustomer.Id, Eur, 1, 1), 0x6A88);
    }

    [Fact]
    public void A_refused_START_commits_the_abort_alone()
    {
        PaymentDetails inProgress = _customer.StartReceiving(Peers.Bank, Eur, 100);
        uint nextSeq = _customer.NextSeq;

        _customer.SendExpect(PurseCommands.StartFrom(Peers.Merchant.Id, Eur, 1, 1), 0x6A88);

        PurseStatus status = _customer.Status();
        Assert.Equal(TransferState.Idle, status.TransferState);
        Assert.Equal(nextSeq, status.NextSequenceNumber);
        Assert.Equal(new ExceptionRecord(ExceptionReason.PayeeAbortedInEpv, inProgress), Assert.Single(_customer.ExceptionLog()).Record);
        _customer.AssertNoInternalErrors();
    }

    [Fact]
    public void A_successful_START_aborts_and_starts_in_one_step()
    {
        PaymentDetails debited = _customer.PayUntilAck(Peers.Merchant, Eur, 300);
        _customer.VerifyPeer(Peers.OtherCustomer.Certificate);

        _customer.SendOk(PurseCommands.StartTo(Peers.OtherCustomer.Id, Eur, 5, 9));

        Assert.Equal(TransferState.ExpectingVal, _customer.Status().TransferState);
        Assert.Equal(new ExceptionRecord(ExceptionReason.PayerAbortedInEpa, debited), Assert.Single(_customer.ExceptionLog()).Record);
        Assert.Equal(9_700u, _customer.Balance(Eur));
    }

    [Fact]
    public void With_its_own_certificate_expired_a_purse_refuses_to_start_9406()
    {
        _customer.VerifyPeer(Peers.FromTheFuture.Certificate);
        AssertRefusedWithoutChange(_customer, PurseCommands.StartFrom(Peers.FromTheFuture.Id, Eur, 1, 1), 0x9406);
        AssertRefusedWithoutChange(_customer, PurseCommands.StartTo(Peers.FromTheFuture.Id, Eur, 1, 1), 0x9406);
    }

    [Fact]
    public void At_the_sequence_bound_START_is_9407()
    {
        _customer.SetNextSeq(0xFFFF_FFFE);
        _customer.StartPaying(Peers.Merchant, Eur, 1);
        Assert.Equal(0xFFFF_FFFFu, _customer.NextSeq);
        _customer.SendOk(PurseCommands.Abort());
        AssertRefusedWithoutChange(_customer, PurseCommands.StartFrom(Peers.Merchant.Id, Eur, 1, 1), 0x9407);
        AssertRefusedWithoutChange(_customer, PurseCommands.StartTo(Peers.Merchant.Id, Eur, 1, 1), 0x9407);
    }

    [Fact]
    public void With_no_free_exception_record_after_the_abort_START_is_6A84()
    {
        for (int i = 0; i < 15; i++)
        {
            _customer.StartReceiving(Peers.Bank, Eur, 1, (uint)(500 + i));
            _customer.SendOk(PurseCommands.Abort());
        }
        _customer.StartReceiving(Peers.Bank, Eur, 1, 600);
        Assert.Equal(15, _customer.Status().ExceptionLogCount);

        // The abort logs the 16th record and is committed; the start then finds the log full.
        _customer.SendExpect(PurseCommands.StartTo(Peers.Bank.Id, Eur, 1, 601), 0x6A84);
        Assert.Equal(16, _customer.Status().ExceptionLogCount);
        Assert.Equal(TransferState.Idle, _customer.Status().TransferState);
        AssertRefusedWithoutChange(_customer, PurseCommands.StartFrom(Peers.Bank.Id, Eur, 1, 1), 0x6A84);
        // Reading and clearing still work, and so does receiving afterwards.
        Assert.Equal(16, _customer.ExceptionLog().Count);
    }

    [Fact]
    public void Merchants_cannot_pay_merchants_9405()
    {
        PurseUnderTest merchant = Peers.Loaded(PurseClass.Merchant, 1_000, Eur);
        merchant.VerifyPeer(Peers.Merchant.Certificate);
        AssertRefusedWithoutChange(merchant, PurseCommands.StartFrom(Peers.Merchant.Id, Eur, 1, 1), 0x9405);
        AssertRefusedWithoutChange(merchant, PurseCommands.StartTo(Peers.Merchant.Id, Eur, 1, 1), 0x9405);
        merchant.VerifyPeer(Peers.Customer.Certificate);
        merchant.SendOk(PurseCommands.StartFrom(Peers.Customer.Id, Eur, 1, 1));
    }

    [Fact]
    public void A_currency_missing_on_either_side_is_9404()
    {
        _customer.VerifyPeer(Peers.OtherCustomer.Certificate);
        AssertRefusedWithoutChange(_customer, PurseCommands.StartFrom(Peers.OtherCustomer.Id, Gbp, 1, 1), 0x9404);
        AssertRefusedWithoutChange(_customer, PurseCommands.StartTo(Peers.OtherCustomer.Id, Gbp, 1, 1), 0x9404);
        _customer.VerifyPeer(Peers.Bank.Certificate);
        AssertRefusedWithoutChange(_customer, PurseCommands.StartFrom(Peers.Bank.Id, Usd, 1, 1), 0x9404);
        AssertRefusedWithoutChange(_customer, PurseCommands.StartTo(Peers.Bank.Id, Usd, 1, 1), 0x9404);
    }

    [Fact]
    public void A_locked_purse_cannot_pay_6982_but_can_receive()
    {
        _customer.SendOk(PurseCommands.Lock("1234"));
        _customer.VerifyPeer(Peers.Merchant.Certificate);
        AssertRefusedWithoutChange(_customer, PurseCommands.StartFrom(Peers.Merchant.Id, Eur, 1, 1), 0x6982);
        _customer.Receive(Peers.Bank, Eur, 50, 700);
        Assert.Equal(10_050u, _customer.Balance(Eur));
    }

    [Fact]
    public void Contactless_payments_above_the_contactless_limit_need_the_lock_code()
    {
        _customer.PowerCycle(InterfaceProfile.Contactless);
        _customer.VerifyPeer(Peers.Merchant.Certificate);
        AssertRefusedWithoutChange(_customer, PurseCommands.StartFrom(Peers.Merchant.Id, Eur, ContactlessLimit + 1, 1), 0x6982);
        _customer.SendOk(PurseCommands.StartFrom(Peers.Merchant.Id, Eur, ContactlessLimit, 1));
        _customer.SendOk(PurseCommands.VerifyLockCode("1234"));
        _customer.SendOk(PurseCommands.StartFrom(Peers.Merchant.Id, Eur, ContactlessLimit + 1, 1));
        // Receiving never needs it.
        _customer.Select();
        _customer.Receive(Peers.Bank, Eur, ContactlessLimit + 1, 900);
    }

    [Fact]
    public void Over_contacts_the_contactless_limit_does_not_apply()
    {
        _customer.VerifyPeer(Peers.Merchant.Certificate);
        _customer.SendOk(PurseCommands.StartFrom(Peers.Merchant.Id, Eur, ContactlessLimit + 1, 1));
    }

    [Fact]
    public void Above_the_transaction_limit_START_is_9403()
    {
        PurseUnderTest rich = Peers.Loaded(PurseClass.Customer, TransactionLimit, Eur);
        rich.Receive(Peers.Bank, Eur, 10, 2);
        rich.VerifyPeer(Peers.Merchant.Certificate);
        AssertRefusedWithoutChange(rich, PurseCommands.StartFrom(Peers.Merchant.Id, Eur, TransactionLimit + 1, 1), 0x9403);
        AssertRefusedWithoutChange(rich, PurseCommands.StartTo(Peers.Merchant.Id, Eur, TransactionLimit + 1, 1), 0x9403);
        rich.SendOk(PurseCommands.StartFrom(Peers.Merchant.Id, Eur, TransactionLimit, 1));
    }

    [Fact]
    public void Above_the_balance_START_FROM_is_9401()
    {
        _customer.VerifyPeer(Peers.Merchant.Certificate);
        AssertRefusedWithoutChange(_customer, PurseCommands.StartFrom(Peers.Merchant.Id, Eur, 10_001, 1), 0x9401);
        _customer.SendOk(PurseCommands.StartFrom(Peers.Merchant.Id, Eur, 10_000, 1));
    }

    [Fact]
    public void Above_the_maximum_balance_START_TO_is_9402()
    {
        PurseUnderTest full = Issued(PurseClass.Customer, Eur);
        for (uint i = 0; i < MaximumBalance / TransactionLimit; i++)
        {
            full.Receive(Peers.Bank, Eur, TransactionLimit, 10 + i);
        }
        Assert.Equal(MaximumBalance, full.Balance(Eur));
        full.VerifyPeer(Peers.Bank.Certificate);
        AssertRefusedWithoutChange(full, PurseCommands.StartTo(Peers.Bank.Id, Eur, 1, 99), 0x9402);
    }

    [Fact]
    public void START_works_only_in_ISSUED()
    {
        _customer.SendOk(TestIssuer.Default.Authorise(IssuerAuthorisation.Deactivate(_customer.Id, 0)));
        AssertRefusedWithoutChange(_customer, PurseCommands.StartFrom(Peers.Merchant.Id, Eur, 1, 1), 0x6985);
        AssertRefusedWithoutChange(_customer, PurseCommands.StartTo(Peers.Merchant.Id, Eur, 1, 1), 0x6985);
    }
}
