using static SmartCardCash.Purse.Conformance.ConformancePeers;

namespace SmartCardCash.Purse.Conformance.Generation;

// The issuer's commands and the end of the purse: authorisations refused, the exception log cleared and full, BLOCKED, TERMINATED.
internal sealed partial class MerchantCardScenario
{
    private void IssuerAuthorisations()
    {
        VectorBuilder v = Vector("mint-not-a-bank", "MINT", "7.2", "MINT into a merchant purse: 9405, and the counter does not move.");
        v.Send(Authorised(IssuerAuthorisation.Mint(CardId, Card.IssuerCounter, Eur, 100))).Expect(0x9405);
        Status(v);

        v = Vector("issuer-counter", "MINT", "7.1", "A replayed authorisation (counter already used) and one from the future: 6985.");
        v.Send(Authorised(IssuerAuthorisation.ResetLockCode(CardId, 0, LockCode))).Expect(0x6985);
        v.Send(Authorised(IssuerAuthorisation.Mint(CardId, Card.IssuerCounter + 1, Eur, 100))).Expect(0x6985);
        v.Send(Authorised(IssuerAuthorisation.Deactivate(CardId, Card.IssuerCounter + 1))).Expect(0x6985);

        v = Vector("issuer-signature", "DEACTIVATE", "7.1, 9", "Forged, for another purse, or retyped: 6982.");
        v.Send(IssuerAuthorisation.Deactivate(CardId, Card.IssuerCounter).ToSignedCommand(ConformanceKeys.Stranger.PrivateKey)).Expect(0x6982);
        v.Send(Authorised(IssuerAuthorisation.Deactivate(Customer1.Id, Card.IssuerCounter))).Expect(0x6982);
        IssuerAuthorisation deactivate = IssuerAuthorisation.Deactivate(CardId, Card.IssuerCounter);
        v.Send(deactivate.ToCommand(IssuerAuthorisation.Terminate(CardId, Card.IssuerCounter).Sign(Issuer.Key.PrivateKey))).Expect(0x6982);
        Status(v);

        v = Vector("issuer-malformed", "MINT", "7.1, 5.19", "No counter, trailing data, a digest of the wrong length: 6A80.");
        v.Send(new CommandApdu(0x80, PurseInstruction.Mint, 0, 0, Hex.Decode("82020978 830400000064 9E083006020101020101"))).Expect(0x6A80);
        v.Send(new CommandApdu(0x80, PurseInstruction.Mint, 0, 0, Hex.Decode("82020978 830400000064 890400000001 9E083006020101020101 00"))).Expect(0x6A80);
        v.Send(new CommandApdu(0x80, PurseInstruction.ClearExceptionLog, 0, 0, Hex.Decode("901F" + new string('0', 62) + "890400000001 9E083006020101020101"))).Expect(0x6A80);

        v = Vector("clear-exception-log-wrong-digest", "CLEAR EXCEPTION LOG", "7.3, 4.6", "The digest of all records but the last: 6985.");
        byte[] partial = ExceptionRecord.LogDigest(Card.ExceptionLog.Take(Card.ExceptionLog.Count - 1));
        v.Send(Authorised(IssuerAuthorisation.ClearExceptionLog(CardId, Card.IssuerCounter, partial))).Expect(0x6985);
        v.Send(IssuerAuthorisation.ClearExceptionLog(CardId, Card.IssuerCounter, ExceptionLogDigest()).ToSignedCommand(ConformanceKeys.Stranger.PrivateKey))
            .Note("the right digest, forged authorisation").Expect(0x6982);
        Status(v);

        v = Vector("clear-exception-log", "CLEAR EXCEPTION LOG", "7.3", "The digest of exactly the records held clears the log.");
        IssuerOk(v, IssuerAuthorisation.ClearExceptionLog(CardId, Card.IssuerCounter, ExceptionLogDigest()));
        Card.ExceptionLog.Clear();
        Status(v);

        v = Vector("clear-empty-exception-log", "CLEAR EXCEPTION LOG", "7.3", "An empty log clears with the digest of the empty string.");
        IssuerOk(v, IssuerAuthorisation.ClearExceptionLog(CardId, Card.IssuerCounter, ExceptionLogDigest()));
        Status(v);
    }

    private void ExceptionLogFull()
    {
        VectorBuilder v = Vector("exception-log-full", "START TO", "4.6, 5.8, 5.9",
            "15 aborted loads fill 15 records; a start in epv logs the 16th and answers 6A84; the full log refuses starts; clearing frees it.");
        Verify(v, Bank1);
        for (uint i = 0; i < 15; i++)
        {
            StartTo(v, Bank1, Eur, 1, 1100 + i);
            Abort(v);
        }
        StartTo(v, Bank1, Eur, 1, 1115);
        StartRefused(v, PurseCommands.StartTo(Bank1.Id, Eur, 1, 1116), 0x6A84);
        Status(v);
        StartRefused(v, PurseCommands.StartFrom(Bank1.Id, Eur, 1, 1), 0x6A84);
        ReadException(v, 15);
        IssuerOk(v, IssuerAuthorisation.ClearExceptionLog(CardId, Card.IssuerCounter, ExceptionLogDigest()));
        Card.ExceptionLog.Clear();
        Status(v);
    }

    private void Blocked()
    {
        VectorBuilder v = Vector("deactivate", "DEACTIVATE", "7.4, 1.3", "DEACTIVATE aborts (epa: logged 01) and blocks; SELECT answers 6283 with the FCI.");
        Verify(v, Customer1);
        PaymentDetails pd = StartFrom(v, Customer1, Eur, 30, 2011);
        Req(v, Customer1, pd);
        IssuerOk(v, IssuerAuthorisation.Deactivate(CardId, Card.IssuerCounter));
        Card.Lifecycle = PurseLifecycle.Blocked;
        Select(v, 0x6283);
        Status(v);

        v = Vector("blocked-refuses", "common checks", "1.3", "A blocked purse refuses transfers, LOCK/UNLOCK, MINT, DEACTIVATE, RESET: 6985.");
        foreach (CommandApdu command in new[]
                 {
                     PurseCommands.StartFrom(Customer1.Id, Eur, 1, 1), PurseCommands.StartTo(Customer1.Id, Eur, 1, 1),
                     PurseCommands.Req(Customer1.Sign(MessageType.Req, pd)), PurseCommands.Val(Customer1.Sign(MessageType.Val, pd)),
                     PurseCommands.Ack(Customer1.Sign(MessageType.Ack, pd)),
                     PurseCommands.VerifyCertificate(Customer1.Certificate.Encoded), PurseCommands.Lock(LockCode), PurseCommands.Unlock(LockCode),
                     Authorised(IssuerAuthorisation.Mint(CardId, Card.IssuerCounter, Eur, 1)),
                     Authorised(IssuerAuthorisation.Deactivate(CardId, Card.IssuerCounter)),
                     Authorised(IssuerAuthorisation.ResetLockCode(CardId, Card.IssuerCounter, LockCode)),
                 })
        {
            v.Send(command).Expect(0x6985);
        }

        v = Vector("blocked-allows", "common checks", "1.3", "A blocked purse can be read, resumed, aborted, and its lock code verified and changed.");
        Balances(v);
        ReadTransaction(v, 0);
        ReadException(v, 0);
        Resume(v);
        Abort(v);
        v.Send(PurseCommands.VerifyLockCode(LockCode)).ExpectOk();
        v.Send(PurseCommands.ChangeLockCode(LockCode, LockCode)).ExpectOk();

        v = Vector("activate-blocked", "ACTIVATE", "5.6, 7.4", "From BLOCKED, ACTIVATE needs the issuer: no data 6700, forged 6982, wrong counter 6985; then ISSUED.");
        v.Send(PurseCommands.Activate()).Expect(0x6700);
        v.Send(new CommandApdu(0x80, PurseInstruction.Activate, 0, 0, Hex.Decode("890400000007"))).Note("no signature").Expect(0x6A80);
        v.Send(IssuerAuthorisation.Activate(CardId, Card.IssuerCounter).ToSignedCommand(ConformanceKeys.Stranger.PrivateKey)).Expect(0x6982);
        v.Send(Authorised(IssuerAuthorisation.Activate(CardId, Card.IssuerCounter + 1))).Expect(0x6985);
        IssuerOk(v, IssuerAuthorisation.Activate(CardId, Card.IssuerCounter));
        Card.Lifecycle = PurseLifecycle.Issued;
        Select(v);
        v.Send(Authorised(IssuerAuthorisation.Activate(CardId, Card.IssuerCounter))).Expect(0x6985);
    }

    private void EndOfLife()
    {
        VectorBuilder v = Vector("terminate-with-balance", "TERMINATE", "7.4", "TERMINATE while value remains: 6985.");
        v.Send(Authorised(IssuerAuthorisation.Terminate(CardId, Card.IssuerCounter))).Expect(0x6985);

        v = Vector("deposit-to-bank", "START FROM", "5.8, 6.4", "The merchant deposits every pocket at the bank.");
        Verify(v, Bank1);
        VerifyLockCode(v);
        uint toSeq = 5001;
        foreach (CurrencyCode currency in Card.Currencies)
        {
            if (Card.Balances[currency] > 0)
            {
                Pay(v, Bank1, currency, Card.Balances[currency], toSeq++);
            }
        }
        Balances(v);

        v = Vector("terminate-with-exception-records", "TERMINATE", "7.4", "TERMINATE while the exception log holds records: 6985.");
        v.Send(Authorised(IssuerAuthorisation.Terminate(CardId, Card.IssuerCounter))).Expect(0x6985);
        IssuerOk(v, IssuerAuthorisation.ClearExceptionLog(CardId, Card.IssuerCounter, ExceptionLogDigest()));
        Card.ExceptionLog.Clear();

        v = Vector("own-certificate-expired", "START FROM", "3.3, 5.8, 5.9",
            "A certificate effective 2031-01-01 moves the trusted date past the purse's own expiry: starts answer 9406, and older certificates are expired too.");
        Verify(v, Future);
        Status(v);
        StartRefused(v, PurseCommands.StartFrom(Future.Id, Eur, 1, 1), 0x9406);
        StartRefused(v, PurseCommands.StartTo(Future.Id, Eur, 1, 1), 0x9406);
        v.Send(PurseCommands.VerifyCertificate(Customer1.Certificate.Encoded)).Expect(0x9406);

        v = Vector("terminate", "TERMINATE", "7.4, 1.3", "With no value and no evidence left, TERMINATE; then SELECT 6A81 and every command 6985.");
        IssuerOk(v, IssuerAuthorisation.Terminate(CardId, Card.IssuerCounter));
        v.Send(PurseCommands.Select()).Expect(0x6A81);
        foreach (CommandApdu command in new[]
                 {
                     PurseCommands.GetData(PurseDataObject.Status), PurseCommands.Abort(), PurseCommands.Resume(),
                     PurseCommands.ReadLog(PurseLogKind.Exceptions, 0), PurseCommands.VerifyLockCode(LockCode),
                     Authorised(IssuerAuthorisation.Activate(CardId, Card.IssuerCounter)),
                     Authorised(IssuerAuthorisation.Terminate(CardId, Card.IssuerCounter)),
                 })
        {
            v.Send(command).Expect(0x6985);
        }
    }
}
