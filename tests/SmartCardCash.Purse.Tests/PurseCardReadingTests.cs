using SmartCardCash.Iso7816;

namespace SmartCardCash.Purse.Tests;

public sealed class PurseCardReadingTests
{
    private readonly TestWorld _world = new();

    [Fact]
    public void Select_returns_the_fci_of_an_issued_purse()
    {
        TestPurse alice = _world.Issued("alice", PurseClass.Customer, Currency.Eur);

        PurseFci fci = alice.Purse.Select();

        Assert.Equal(PurseLifecycle.Issued, fci.Lifecycle);
        Assert.Equal(alice.Id, fci.PurseId);
        Assert.Equal(PurseClass.Customer, fci.PurseClass);
        Assert.Equal(TransferState.Idle, fci.TransferState);
        Assert.Equal(1u, fci.NextSequenceNumber);
        Assert.Equal(PurseAid.AppletVersion, fci.AppletVersion);
    }

    [Fact]
    public void Status_balances_limits_and_certificates_read_back_what_personalisation_wrote()
    {
        TestPurse alice = _world.Issued("alice", PurseClass.Customer, Currency.Eur, Currency.Jpy);
        alice.Purse.Select();

        PurseStatus status = alice.Purse.GetStatus();
        IReadOnlyList<PocketBalance> balances = alice.Purse.GetBalances();
        IReadOnlyList<PocketLimits> limits = alice.Purse.GetLimits();

        Assert.Equal(alice.Id, status.PurseId);
        Assert.Equal(TestWorld.IssuerId, status.IssuerId);
        Assert.Equal(0u, status.IssuerCounter);
        Assert.Equal(3, status.LockCodeTriesRemaining);
        Assert.Equal([new PocketBalance(Currency.Eur.Code, 0), new PocketBalance(Currency.Jpy.Code, 0)], balances);
        Assert.Equal(new PocketLimits(Currency.Eur.Code, 50_000, 20_000, 5_000), limits[0]);
        Assert.Equal(new PocketLimits(Currency.Jpy.Code, 50_000, 20_000, 5_000), limits[1]);
        Assert.True(alice.Purse.GetCertificate().Encoded.SequenceEqual(alice.Certificate.Encoded));
        Assert.True(alice.Purse.GetIssuerCertificate().Encoded.SequenceEqual(_world.Issuer.Certificate.Encoded));
    }

    [Fact]
    public void Read_info_gathers_identity_pockets_dates_and_occupancy()
    {
        TestPurse bank = _world.FundedBank("bank", 123_456);

        PurseInfo info = bank.Purse.ReadInfo();

        Assert.Equal(bank.Id, info.PurseId);
        Assert.Equal(PurseClass.Bank, info.Class);
        Assert.Equal(PurseLifecycle.Issued, info.Lifecycle);
        Assert.Equal(1u, info.IssuerCounter);
        PocketInfo eur = Assert.Single(info.Pockets);
        Assert.Equal("EUR 1234.56", eur.BalanceMoney.ToString());
        Assert.Equal(uint.MaxValue, eur.MaximumBalance);
        Assert.Equal(BcdDate.FromDate(TestWorld.Today), info.CertificateEffective);
        Assert.Equal(BcdDate.FromDate(TestWorld.Today.AddYears(4)), info.CertificateExpiry);
        Assert.Equal(BcdDate.FromDate(TestWorld.Today), info.TrustedDate);
        Assert.Equal(new LogOccupancy(1, 10), info.TransactionLog);
        Assert.Equal(new LogOccupancy(0, 16), info.ExceptionLog);
        Assert.False(info.IsCertificateExpired);
        Assert.False(info.IsLocked);
    }

    [Fact]
    public void Read_info_of_a_blank_purse_has_no_identity_and_no_pockets()
    {
        TestPurse blank = _world.Blank("blank");

        PurseInfo info = blank.Purse.ReadInfo();

        Assert.Equal(PurseLifecycle.Personalisation, info.Lifecycle);
        Assert.Null(info.PurseId);
        Assert.Null(info.Class);
        Assert.Empty(info.Pockets);
        Assert.Null(info.CertificateExpiry);
    }

    [Fact]
    public void The_transaction_log_lists_every_record_most_recent_first()
    {
        TestPurse bank = _world.FundedBank("bank", 100_000);
        TestPurse alice = _world.Issued("alice", PurseClass.Customer, Currency.Eur);
        TestWorld.Pay(bank, alice, Currency.Eur.Code, 1_250);
        TestWorld.Pay(bank, alice, Currency.Eur.Code, 250);

        IReadOnlyList<TransactionLogEntry> bankLog = bank.Purse.ReadTransactionLog();
        IReadOnlyList<TransactionLogEntry> aliceLog = alice.Purse.ReadTransactionLog();

        Assert.Equal([TransactionRecordType.Sent, TransactionRecordType.Sent, TransactionRecordType.Minted],
            bankLog.Select(e => e.Record.Type));
        Assert.Equal([250u, 1_250u, 100_000u], bankLog.Select(e => e.Record.Details.Value));
        Assert.Equal([1_500u, 1_250u], aliceLog.Select(e => e.Record.BalanceAfter));
        Assert.All(aliceLog, e => Assert.Equal(TransactionRecordType.Received, e.Record.Type));
    }

    [Fact]
    public void An_empty_exception_log_reads_as_no_records()
    {
        TestPurse alice = _world.Issued("alice", PurseClass.Customer);
        alice.Purse.Select();

        Assert.Empty(alice.Purse.ReadExceptionLog());
    }

    [Fact]
    public void The_exception_log_returns_records_whose_signatures_verified()
    {
        TestPurse bank = _world.FundedBank("bank", 10_000);
        TestPurse alice = _world.Issued("alice", PurseClass.Customer);
        (PaymentDetails pd, ProtectedMessage req) = TestWorld.Start(bank, alice, Money.Of(Currency.Eur, 700));
        bank.Purse.Req(req);

        // Both ends abort by reading their exception logs: the payer in epa, the payee in epv.
        IReadOnlyList<ExceptionLogEntry> bankLog = bank.Purse.ReadExceptionLog();
        IReadOnlyList<ExceptionLogEntry> aliceLog = alice.Purse.ReadExceptionLog();

        ExceptionLogEntry payer = Assert.Single(bankLog);
        Assert.Equal(ExceptionReason.PayerAbortedInEpa, payer.Record.Reason);
        Assert.Equal(pd, payer.Record.Details);
        ExceptionLogEntry payee = Assert.Single(aliceLog);
        Assert.Equal(ExceptionReason.PayeeAbortedInEpv, payee.Record.Reason);
        Assert.Equal(TransferState.Idle, bank.Purse.GetStatus().TransferState);
    }

    [Fact]
    public void An_exception_record_with_a_bad_signature_is_refused()
    {
        TestPurse alice = _world.Issued("alice", PurseClass.Customer);
        TestPurse bank = _world.FundedBank("bank", 10_000);
        TestWorld.AbortedStartTo(bank, alice);
        // Flip a bit in the record of every READ LOG answer: the signature no longer covers it.
        var tampered = new PurseCard(TestWorld.Intercept(alice, (command, response) =>
        {
            if (command.Ins != 0xB2 || !response.IsSuccess)
            {
                return response;
            }
            byte[] data = response.Data.ToArray();
            data[10] ^= 0x01;
            return new ResponseApdu(data, response.StatusWord);
        }), "alice");

        ExceptionLogSignatureException error = Assert.Throws<ExceptionLogSignatureException>(tampered.ReadExceptionLog);

        Assert.Equal(0, error.Index);
        Assert.Contains("not signed by the purse's certified key", error.Message);
    }

    [Fact]
    public void Pending_transfer_and_resume_show_the_transfer_in_flight()
    {
        TestPurse bank = _world.FundedBank("bank", 10_000);
        TestPurse alice = _world.Issued("alice", PurseClass.Customer);
        (PaymentDetails pd, ProtectedMessage req) = TestWorld.Start(bank, alice, Money.Of(Currency.Eur, 300));

        PendingTransfer pending = alice.Purse.GetPendingTransfer();
        ProtectedMessage? resumed = alice.Purse.Resume();

        Assert.Equal(TransferState.ExpectingVal, pending.State);
        Assert.Equal(pd, pending.Details);
        Assert.NotNull(resumed);
        Assert.Equal(MessageType.Req, resumed.Type);
        Assert.True(resumed.Signature.SequenceEqual(req.Signature));
        Assert.Null(bank.Purse.Resume());
    }

    [Fact]
    public void A_lock_code_state_reports_verification_and_tries()
    {
        TestPurse alice = _world.Issued("alice", PurseClass.Customer);
        alice.Purse.Select();

        LockCodeState before = alice.Purse.GetLockCodeState();
        alice.Purse.VerifyLockCode(TestWorld.LockCode);
        LockCodeState after = alice.Purse.GetLockCodeState();

        Assert.Equal(new LockCodeState(false, 3, false), before);
        Assert.Equal(new LockCodeState(true, 3, false), after);
    }
}
