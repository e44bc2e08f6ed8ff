namespace SmartCardCash.Purse.Applet.Tests.Commands;

/// <summary>
/// The issuer-authorised commands (spec 7): format 6A80, counter 6985, signature 6982, then their own checks; the
/// counter increases with the effect; a refusal at any point changes nothing.
/// </summary>
public class IssuerCommandTests
{
    private static readonly TestIssuer Issuer = TestIssuer.Default;
    private readonly PurseUnderTest _bank = Issued(PurseClass.Bank, Eur, Gbp);

    [Fact]
    public void MINT_credits_a_bank_purse_logs_it_and_advances_the_counter()
    {
        _bank.SendOk(Issuer.Authorise(IssuerAuthorisation.Mint(_bank.Id, 0, Eur, 250_000)));
        _bank.SendOk(Issuer.Authorise(IssuerAuthorisation.Mint(_bank.Id, 1, Eur, 50_000)));

        Assert.Equal(300_000u, _bank.Balance(Eur));
        Assert.Equal(2u, _bank.Status().IssuerCounter);
        TransactionLogEntry last = PurseResponses.ParseTransactionLogEntry(_bank.SendOk(PurseCommands.ReadLog(PurseLogKind.Transactions, 0)));
        Assert.Equal(new TransactionRecord(TransactionRecordType.Minted, TransactionRecord.MintDetails(_bank.Id, Eur, 50_000, 1), 300_000),
            last.Record);
    }

    [Fact]
    public void A_replayed_or_out_of_order_authorisation_is_6985()
    {
        CommandApdu mint = Issuer.Authorise(IssuerAuthorisation.Mint(_bank.Id, 0, Eur, 1_000));
        _bank.SendOk(mint);
        AssertRefusedWithoutChange(_bank, mint, 0x6985);
        AssertRefusedWithoutChange(_bank, Issuer.Authorise(IssuerAuthorisation.Mint(_bank.Id, 2, Eur, 1_000)), 0x6985);
        Assert.Equal(1_000u, _bank.Balance(Eur));
    }

    [Fact]
    public void A_forged_retargeted_or_retyped_authorisation_is_6982()
    {
        AssertRefusedWithoutChange(_bank, IssuerAuthorisation.Mint(_bank.Id, 0, Eur, 1_000).ToSignedCommand(ConformanceKeys.Stranger.PrivateKey), 0x6982);
        // Signed for another purse: the purse puts its own ID into the signed bytes.
        AssertRefusedWithoutChange(_bank, Issuer.Authorise(IssuerAuthorisation.Mint(PurseId.Parse("5CC0FFFF00000001"), 0, Eur, 1_000)), 0x6982);
        IssuerAuthorisation mint = IssuerAuthorisation.Mint(_bank.Id, 0, Eur, 1_000);
        byte[] terminateSignature = IssuerAuthorisation.Custom(MessageType.Terminate, _bank.Id, 0, mint.Parameters).Sign(Issuer.Key.PrivateKey);
        AssertRefusedWithoutChange(_bank, mint.ToCommand(terminateSignature), 0x6982);
        byte[] changedAmount = mint.ToSignedCommand(Issuer.Key.PrivateKey).Data.ToArray();
        changedAmount[9] ^= 0x01;
        AssertRefusedWithoutChange(_bank, new CommandApdu(0x80, PurseInstruction.Mint, 0, 0, changedAmount), 0x6982);
    }

    [Fact]
    public void MINT_into_anything_but_a_bank_purse_is_9405()
    {
        PurseUnderTest customer = Issued(PurseClass.Customer, Eur);
        AssertRefusedWithoutChange(customer, Issuer.Authorise(IssuerAuthorisation.Mint(customer.Id, 0, Eur, 1)), 0x9405);
        PurseUnderTest merchant = Issued(PurseClass.Merchant, Eur);
        AssertRefusedWithoutChange(merchant, Issuer.Authorise(IssuerAuthorisation.Mint(merchant.Id, 0, Eur, 1)), 0x9405);
    }

    [Fact]
    public void MINT_checks_currency_amount_and_maximum_after_the_signature()
    {
        AssertRefusedWithoutChange(_bank, Issuer.Authorise(IssuerAuthorisation.Mint(_bank.Id, 0, Usd, 1)), 0x9404);
        AssertRefusedWithoutChange(_bank, Issuer.Authorise(IssuerAuthorisation.Mint(_bank.Id, 0, Eur, 0)), 0x6A80);
        AssertRefusedWithoutChange(_bank, Issuer.Authorise(IssuerAuthorisation.Mint(_bank.Id, 0, Eur, MaximumBalance + 1)), 0x9402);
        _bank.SendOk(Issuer.Authorise(IssuerAuthorisation.Mint(_bank.Id, 0, Eur, MaximumBalance)));
        AssertRefusedWithoutChange(_bank, Issuer.Authorise(IssuerAuthorisation.Mint(_bank.Id, 1, Eur, 1)), 0x9402);
    }

    [Theory]
    [InlineData("82020978 890400000000 9E083006020101020101")]
    [InlineData("830400000001 82020978 890400000000 9E083006020101020101")]
    [InlineData("82020978 830400000001 9E083006020101020101")]
    [InlineData("82020978 830400000001 890400000000")]
    [InlineData("82020978 830400000001 890400000000 9E083006020101020101 00")]
    [InlineData("82020978 830400000001 8903000000 9E083006020101020101")]
    public void Malformed_issuer_data_is_6A80(string data) =>
        AssertRefusedWithoutChange(_bank, new CommandApdu(0x80, PurseInstruction.Mint, 0, 0, Hex.Decode(data)), 0x6A80);

    [Fact]
    public void The_issuer_counter_never_wraps()
    {
        _bank.SetIssuerCounter(0xFFFF_FFFF);
        AssertRefusedWithoutChange(_bank, Issuer.Authorise(IssuerAuthorisation.Mint(_bank.Id, 0xFFFF_FFFF, Eur, 1)), 0x6985);
    }

    [Fact]
    public void CLEAR_EXCEPTION_LOG_needs_the_digest_of_exactly_the_records_held()
    {
        PurseUnderTest customer = Peers.Loaded(PurseClass.Customer, 1_000, Eur);
        customer.StartReceiving(Peers.Bank, Eur, 10, 7);
        customer.SendOk(PurseCommands.Abort());
        IReadOnlyList<ExceptionLogEntry> seen = customer.ExceptionLog();
        byte[] digest = ExceptionRecord.LogDigest(seen.Select(e => e.Record));
        customer.PayUntilAck(Peers.Merchant, Eur, 5);
        customer.SendOk(PurseCommands.Abort());

        // A record added after the bank read the log changes the digest.
        AssertRefusedWithoutChange(customer, Issuer.Authorise(IssuerAuthorisation.ClearExceptionLog(customer.Id, 0, digest)), 0x6985);
        Assert.Equal(2, customer.Status().ExceptionLogCount);

        byte[] current = ExceptionRecord.LogDigest(customer.ExceptionLog().Select(e => e.Record));
        customer.SendOk(Issuer.Authorise(IssuerAuthorisation.ClearExceptionLog(customer.Id, 0, current)));
        Assert.Equal(0, customer.Status().ExceptionLogCount);
        Assert.Equal(1u, customer.Status().IssuerCounter);
        customer.SendOk(Issuer.Authorise(IssuerAuthorisation.ClearExceptionLog(customer.Id, 1, ExceptionRecord.LogDigest([]))));
    }

    [Fact]
    public void CLEAR_EXCEPTION_LOG_refuses_a_forged_authorisation_and_a_digest_of_the_wrong_length()
    {
        PurseUnderTest customer = Peers.Loaded(PurseClass.Customer, 1_000, Eur);
        customer.StartReceiving(Peers.Bank, Eur, 10, 7);
        customer.SendOk(PurseCommands.Abort());
        byte[] digest = ExceptionRecord.LogDigest(customer.ExceptionLog().Select(e => e.Record));
        AssertRefusedWithoutChange(customer,
            IssuerAuthorisation.ClearExceptionLog(customer.Id, 0, digest).ToSignedCommand(ConformanceKeys.Stranger.PrivateKey), 0x6982);
        AssertRefusedWithoutChange(customer,
            Issuer.Authorise(IssuerAuthorisation.Custom(MessageType.ClearExceptionLog, customer.Id, 0, [0x90, 0x1F, .. digest[..31]])), 0x6A80);
        Assert.Equal(1, customer.Status().ExceptionLogCount);
    }

    [Fact]
    public void CLEAR_EXCEPTION_LOG_compares_against_the_log_after_its_own_abort()
    {
        PurseUnderTest customer = Peers.Loaded(PurseClass.Customer, 1_000, Eur);
        customer.PayUntilAck(Peers.Merchant, Eur, 5);
        AssertRefusedWithoutChange(customer, Issuer.Authorise(IssuerAuthorisation.ClearExceptionLog(customer.Id, 0, ExceptionRecord.LogDigest([]))), 0x6985);
        Assert.Equal(TransferState.ExpectingAck, customer.Status().TransferState);
    }

    [Fact]
    public void DEACTIVATE_blocks_and_ACTIVATE_with_authorisation_unblocks()
    {
        _bank.SendOk(Issuer.Authorise(IssuerAuthorisation.Deactivate(_bank.Id, 0)));
        ResponseApdu select = _bank.Send(PurseCommands.Select());
        Assert.Equal(0x6283, select.StatusWord.Value);
        Assert.Equal(PurseLifecycle.Blocked, PurseResponses.ParseFci(select.Data.Span).Lifecycle);
        AssertRefusedWithoutChange(_bank, Issuer.Authorise(IssuerAuthorisation.Mint(_bank.Id, 1, Eur, 1)), 0x6985);
        AssertRefusedWithoutChange(_bank, Issuer.Authorise(IssuerAuthorisation.Deactivate(_bank.Id, 1)), 0x6985);
        AssertRefusedWithoutChange(_bank, PurseCommands.Activate(), 0x6700);
        AssertRefusedWithoutChange(_bank, new CommandApdu(0x80, PurseInstruction.Activate, 0, 0, Hex.Decode("890400000001")), 0x6A80);
        AssertRefusedWithoutChange(_bank, IssuerAuthorisation.Activate(_bank.Id, 1).ToSignedCommand(ConformanceKeys.Stranger.PrivateKey), 0x6982);
        AssertRefusedWithoutChange(_bank, Issuer.Authorise(IssuerAuthorisation.Activate(_bank.Id, 0)), 0x6985);

        _bank.SendOk(Issuer.Authorise(IssuerAuthorisation.Activate(_bank.Id, 1)));

        Assert.Equal(0x9000, _bank.Send(PurseCommands.Select()).StatusWord.Value);
        Assert.Equal(PurseLifecycle.Issued, _bank.Status().Lifecycle);
        AssertRefusedWithoutChange(_bank, Issuer.Authorise(IssuerAuthorisation.Activate(_bank.Id, 2)), 0x6985);
    }

    [Fact]
    public void TERMINATE_is_refused_while_value_or_evidence_remains()
    {
        PurseUnderTest customer = Peers.Loaded(PurseClass.Customer, 1_000, Eur);
        AssertRefusedWithoutChange(customer, Issuer.Authorise(IssuerAuthorisation.Terminate(customer.Id, 0)), 0x6985);
        AssertRefusedWithoutChange(customer, IssuerAuthorisation.Terminate(customer.Id, 0).ToSignedCommand(ConformanceKeys.Stranger.PrivateKey), 0x6982);
        customer.PayUntilAck(Peers.Merchant, Eur, 1_000);
        // Zero balance now, but the abort TERMINATE would do logs the value in flight: refused, nothing changes.
        AssertRefusedWithoutChange(customer, Issuer.Authorise(IssuerAuthorisation.Terminate(customer.Id, 0)), 0x6985);
        Assert.Equal(TransferState.ExpectingAck, customer.Status().TransferState);
        customer.SendOk(PurseCommands.Abort());
        AssertRefusedWithoutChange(customer, Issuer.Authorise(IssuerAuthorisation.Terminate(customer.Id, 0)), 0x6985);
    }

    [Fact]
    public void TERMINATE_is_final()
    {
        PurseUnderTest customer = Issued(PurseClass.Customer, Eur);
        customer.Receive(Peers.Bank, Eur, 5, 3);
        customer.Pay(Peers.Merchant, Eur, 5);
        customer.SendOk(Issuer.Authorise(IssuerAuthorisation.Deactivate(customer.Id, 0)));
        customer.SendOk(Issuer.Authorise(IssuerAuthorisation.Terminate(customer.Id, 1)));

        AssertRefusedWithoutChange(customer, PurseCommands.Select(), 0x6A81);
        foreach (CommandApdu command in new[] { PurseCommands.GetData(PurseDataObject.Status), PurseCommands.Abort(),
                     PurseCommands.Resume(), PurseCommands.VerifyLockCode("1234"), PurseCommands.ReadLog(PurseLogKind.Transactions, 0),
                     Issuer.Authorise(IssuerAuthorisation.Activate(customer.Id, 2)) })
        {
            AssertRefusedWithoutChange(customer, command, 0x6985);
        }
    }

    [Fact]
    public void RESET_LOCK_CODE_sets_a_new_code_with_full_tries()
    {
        _bank.SendExpect(PurseCommands.VerifyLockCode("0000"), 0x63C2);
        _bank.SendOk(Issuer.Authorise(IssuerAuthorisation.ResetLockCode(_bank.Id, 0, "13572468")));
        Assert.Equal(3, _bank.Status().LockCodeTriesRemaining);
        _bank.SendOk(PurseCommands.VerifyLockCode("13572468"));
    }
}
