using static SmartCardCash.Purse.Conformance.ConformancePeers;

namespace SmartCardCash.Purse.Conformance.Generation;

// The transfer protocol: the card as payee (START TO, VAL) and as payer (START FROM, REQ, ACK), each message
// refused, then accepted; then what follows a broken transfer: ABORT in every state, RESUME, and the two logs.
internal sealed partial class MerchantCardScenario
{
    private void Receiving()
    {
        VectorBuilder v = Vector("start-to-without-peer", "START TO", "5.9", "The payer named is not the verified peer: 6A88.");
        StartRefused(v, PurseCommands.StartTo(Customer2.Id, Eur, 100, 1), 0x6A88);

        v = Vector("start-to-malformed", "START TO", "5.9, 2.2", "Value 0, a tag missing, out of order, unknown, a digest of the wrong length: 6A80.");
        foreach (string data in new[]
                 {
                     "8008 5CC0020000000004 82020978 830400000000 840400000001",
                     "8008 5CC0020000000004 82020978 830400000001",
                     "82020978 8008 5CC0020000000004 830400000001 840400000001",
                     "8008 5CC0020000000004 82020978 830400000001 840400000001 9103250101",
                     "8008 5CC0020000000004 82020978 830400000001 840400000001 8501AA",
                 })
        {
            v.Send(new CommandApdu(0x80, PurseInstruction.StartTo, 0, 0, Hex.Decode(data), 256)).Expect(0x6A80);
        }

        v = Vector("start-to-currency", "START TO", "5.9", "A currency this purse or the payer does not hold: 9404.");
        StartRefused(v, PurseCommands.StartTo(Bank1.Id, Jpy, 100, 1), 0x9404);
        Verify(v, Customer1);
        StartRefused(v, PurseCommands.StartTo(Customer1.Id, Usd, 100, 1), 0x9404);
        Verify(v, Bank1);

        v = Vector("start-to-transaction-limit", "START TO", "5.9, 6.2", "Above the pocket's transaction limit: 9403.");
        StartRefused(v, PurseCommands.StartTo(Bank1.Id, Eur, 100_001, 1), 0x9403);

        v = Vector("start-to", "START TO", "5.9, 4.2", "A load from the bank: epv, nextSeq + 1, the signed req.");
        PaymentDetails load = StartTo(v, Bank1, Eur, 50_000, 1001);
        Pending(v);
        Status(v);

        v = Vector("resume-req", "RESUME", "5.14, 4.7", "RESUME returns the req byte for byte.");
        Resume(v);

        v = Vector("val-malformed", "VAL", "5.11, 2.3", "No data 6700; PD to itself, value 0, bad presence byte, no signature, signature too long, trailing data: 6A80.");
        v.Send(new CommandApdu(0x80, PurseInstruction.Val, 0, 0, default, 256)).Expect(0x6700);
        byte[] goodPd = load.Encode();
        byte[] signature = Bank1.Sign(MessageType.Val, load).Signature.ToArray();
        string sig = "9E" + signature.Length.ToString("X2", System.Globalization.CultureInfo.InvariantCulture) + Hex.Encode(signature);
        foreach (string data in new[]
                 {
                     "C03F" + Hex.Encode(new PaymentDetails(CardId, CardId, Eur, 50_000, 1001, 1).Encode()) + sig,
                     "C03F" + Hex.Encode(new PaymentDetails(Bank1.Id, CardId, Eur, 0, 1001, 1).Encode()) + sig,
                     "C03F" + Hex.Encode(goodPd[..30]) + "02" + Hex.Encode(goodPd[31..]) + sig,
                     "C03F" + Hex.Encode(goodPd),
                     "C03F" + Hex.Encode(goodPd) + "9E49" + Hex.Encode(new byte[73]),
                     "C03F" + Hex.Encode(goodPd) + sig + "9000",
                 })
        {
            v.Send(new CommandApdu(0x80, PurseInstruction.Val, 0, 0, Hex.Decode(data), 256)).Expect(0x6A80);
        }

        v = Vector("val-other-pd", "VAL", "5.11, 9", "Validly signed vals for another value, another sequence number, another payee: 6985.");
        foreach (PaymentDetails other in new[]
                 {
                     new PaymentDetails(load.From, load.To, Eur, 50_001, load.FromSeq, load.ToSeq),
                     new PaymentDetails(load.From, load.To, Eur, load.Value, load.FromSeq, load.ToSeq + 1),
                     new PaymentDetails(load.From, Customer2.Id, Eur, load.Value, load.FromSeq, load.ToSeq),
                 })
        {
            v.Send(PurseCommands.Val(Bank1.Sign(MessageType.Val, other))).Expect(0x6985);
        }

        v = Vector("val-bad-signature", "VAL", "5.11, 9", "Signed by a stranger, by another purse, as a req, or altered: 6982.");
        v.Send(PurseCommands.Val(ProtectedMessage.Create(MessageType.Val, load, ConformanceKeys.Stranger.PrivateKey))).Expect(0x6982);
        v.Send(PurseCommands.Val(Customer1.Sign(MessageType.Val, load))).Expect(0x6982);
        v.Send(PurseCommands.Val(new ProtectedMessage(MessageType.Val, load, Bank1.Sign(MessageType.Req, load).Signature))).Expect(0x6982);
        v.Send(PurseCommands.Val(Corrupted(Bank1.Sign(MessageType.Val, load)))).Expect(0x6982);
        Pending(v);

        v = Vector("req-in-epv", "REQ", "5.10, 4.3", "REQ while expecting val: 6985.");
        v.Send(PurseCommands.Req(Bank1.Sign(MessageType.Req, load))).Expect(0x6985);

        v = Vector("ack-in-epv", "ACK", "5.12, 4.3", "ACK while expecting val: 6985.");
        v.Send(PurseCommands.Ack(Bank1.Sign(MessageType.Ack, load))).Expect(0x6985);

        v = Vector("val", "VAL", "5.11", "The bank's val: credit, idle, logged as received; answers the signed ack.");
        Val(v, Bank1, load);
        Balances(v);
        Status(v);
        ReadTransaction(v, 0);
        Resume(v);

        v = Vector("val-replayed", "VAL", "9", "The same val again (the payee is idle now): 6985.");
        v.Send(PurseCommands.Val(Bank1.Sign(MessageType.Val, load))).Expect(0x6985);

        v = Vector("start-to-maximum-balance", "START TO", "5.9, 6.2", "USD filled to its maximum; one more: 9402.");
        Receive(v, Bank1, Usd, 20_000, 1002);
        StartRefused(v, PurseCommands.StartTo(Bank1.Id, Usd, 1, 1003), 0x9402);
        Balances(v);
    }

    private void Paying()
    {
        VectorBuilder v = Vector("merchant-to-merchant", "START FROM", "5.8, 6.4", "A merchant may not pay a merchant nor be paid by one: 9405.");
        Verify(v, Merchant1);
        StartRefused(v, PurseCommands.StartFrom(Merchant1.Id, Eur, 10, 1), 0x9405);
        StartRefused(v, PurseCommands.StartTo(Merchant1.Id, Eur, 10, 1), 0x9405);

        v = Vector("start-from-refused", "START FROM", "5.8", "Another peer 6A88; currency 9404; above the transaction limit 9403; above the balance 9401; value 0 6A80.");
        Verify(v, Customer1);
        VerifyLockCode(v);
        StartRefused(v, PurseCommands.StartFrom(Bank1.Id, Eur, 10, 1), 0x6A88);
        StartRefused(v, PurseCommands.StartFrom(Customer1.Id, Usd, 10, 1), 0x9404);
        StartRefused(v, PurseCommands.StartFrom(Customer1.Id, Jpy, 10, 1), 0x9404);
        StartRefused(v, PurseCommands.StartFrom(Customer1.Id, Eur, 100_001, 1), 0x9403);
        StartRefused(v, PurseCommands.StartFrom(Customer1.Id, Eur, 60_000, 1), 0x9401);
        v.Send(new CommandApdu(0x80, PurseInstruction.StartFrom, 0, 0,
            Hex.Decode("8008 5CC0020000000001 82020978 830400000000 840400000001"), 256)).Expect(0x6A80);

        v = Vector("start-from", "START FROM", "5.8, 4.2", "A refund to a customer, with an order digest: epr, nextSeq + 1, pending log emptied.");
        byte[] order = System.Security.Cryptography.SHA256.HashData("refund of order 1234"u8);
        PaymentDetails refund = StartFrom(v, Customer1, Eur, 1_500, 2001, order);
        Pending(v);
        v.Send(PurseCommands.Resume()).Expect(0x6A88);

        v = Vector("req-malformed", "REQ", "5.10", "No data 6700; PD to itself 6A80.");
        v.Send(new CommandApdu(0x80, PurseInstruction.Req, 0, 0, default, 256)).Expect(0x6700);
        v.Send(PurseCommands.Req(Customer1.Sign(MessageType.Req, new PaymentDetails(CardId, CardId, Eur, 1_500, refund.FromSeq, 2001, order)))).Expect(0x6A80);

        v = Vector("req-other-pd", "REQ", "5.10, 9", "Validly signed reqs for another value, sequence number or digest: 6985.");
        v.Send(PurseCommands.Req(Customer1.Sign(MessageType.Req, new PaymentDetails(CardId, Customer1.Id, Eur, 1_501, refund.FromSeq, 2001, order)))).Expect(0x6985);
        v.Send(PurseCommands.Req(Customer1.Sign(MessageType.Req, new PaymentDetails(CardId, Customer1.Id, Eur, 1_500, refund.FromSeq, 2002, order)))).Expect(0x6985);
        v.Send(PurseCommands.Req(Customer1.Sign(MessageType.Req, new PaymentDetails(CardId, Customer1.Id, Eur, 1_500, refund.FromSeq, 2001)))).Expect(0x6985);

        v = Vector("req-bad-signature", "REQ", "5.10, 9", "Signed by a stranger, by another customer, as an ack: 6982.");
        v.Send(PurseCommands.Req(ProtectedMessage.Create(MessageType.Req, refund, ConformanceKeys.Stranger.PrivateKey))).Expect(0x6982);
        v.Send(PurseCommands.Req(Customer2.Sign(MessageType.Req, refund))).Expect(0x6982);
        v.Send(PurseCommands.Req(new ProtectedMessage(MessageType.Req, refund, Customer1.Sign(MessageType.Ack, refund).Signature))).Expect(0x6982);

        v = Vector("val-in-epr", "VAL", "5.11, 4.3", "VAL and ACK while expecting req: 6985.");
        v.Send(PurseCommands.Val(Customer1.Sign(MessageType.Val, refund))).Expect(0x6985);
        v.Send(PurseCommands.Ack(Customer1.Sign(MessageType.Ack, refund))).Expect(0x6985);
        Pending(v);

        v = Vector("req", "REQ", "5.10", "The customer's req: debit, epa; answers the signed val.");
        Req(v, Customer1, refund);
        Balances(v);
        Status(v);

        v = Vector("req-replayed", "REQ", "9", "The same req again (the payer is in epa now): 6985.");
        v.Send(PurseCommands.Req(Customer1.Sign(MessageType.Req, refund))).Expect(0x6985);

        v = Vector("ack-malformed", "ACK", "5.12", "No data 6700; PD to itself 6A80.");
        v.Send(new CommandApdu(0x80, PurseInstruction.Ack, 0, 0, default)).Expect(0x6700);
        v.Send(PurseCommands.Ack(Customer1.Sign(MessageType.Ack, new PaymentDetails(CardId, CardId, Eur, 1_500, refund.FromSeq, 2001, order)))).Expect(0x6A80);

        v = Vector("ack-refused", "ACK", "5.12, 9", "Another PD 6985; a stranger's signature, a req signature: 6982.");
        v.Send(PurseCommands.Ack(Customer1.Sign(MessageType.Ack, new PaymentDetails(CardId, Customer1.Id, Eur, 1_499, refund.FromSeq, 2001, order)))).Expect(0x6985);
        v.Send(PurseCommands.Ack(ProtectedMessage.Create(MessageType.Ack, refund, ConformanceKeys.Stranger.PrivateKey))).Expect(0x6982);
        v.Send(PurseCommands.Ack(new ProtectedMessage(MessageType.Ack, refund, Customer1.Sign(MessageType.Req, refund).Signature))).Expect(0x6982);
        Pending(v);

        v = Vector("ack", "ACK", "5.12", "The customer's ack: idle, logged as sent; the val stays pending.");
        Ack(v, Customer1, refund);
        Status(v);
        ReadTransaction(v, 0);
        Resume(v);

        v = Vector("replays-after-completion", "REQ", "9", "Every message of the completed transfers again, and the card's own val sent back: 6985.");
        v.Send(PurseCommands.Req(Customer1.Sign(MessageType.Req, refund))).Expect(0x6985);
        v.Send(PurseCommands.Ack(Customer1.Sign(MessageType.Ack, refund))).Expect(0x6985);
        v.Send(PurseCommands.Val(Bank1.Sign(MessageType.Val, refund))).Expect(0x6985);
        v.Send("80560000", "C03F" + Hex.Encode(refund.Encode()) + Template(Card.Pending!.Value.Capture), true).Expect(0x6985);
        Status(v);
    }

    private void Aborts()
    {
        VectorBuilder v = Vector("abort-in-idle", "ABORT", "5.13", "ABORT in idle changes nothing.");
        Abort(v);
        Status(v);

        v = Vector("abort-in-epr", "ABORT", "5.13, 4.3", "Nothing was debited in epr: nothing is logged; the req no longer fits.");
        PaymentDetails pd = StartFrom(v, Customer1, Eur, 100, 2002);
        Abort(v);
        Status(v);
        Balances(v);
        v.Send(PurseCommands.Req(Customer1.Sign(MessageType.Req, pd))).Expect(0x6985);

        v = Vector("abort-in-epv", "ABORT", "5.13, 4.3, 2.4", "In epv the value was expected and never credited: reason 02.");
        Verify(v, Bank1);
        PaymentDetails lostLoad = StartTo(v, Bank1, Eur, 300, 1004);
        Abort(v);
        Status(v);
        ReadException(v, 0);
        v.Send(PurseCommands.Val(Bank1.Sign(MessageType.Val, lostLoad))).Expect(0x6985);

        v = Vector("abort-in-epa", "ABORT", "5.13, 4.3, 2.4", "In epa the value was debited and the ack never came: reason 01; the value stays debited.");
        Verify(v, Customer1);
        pd = StartFrom(v, Customer1, Eur, 200, 2003);
        Req(v, Customer1, pd);
        Abort(v);
        Status(v);
        Balances(v);
        ReadException(v, 1);
        v.Send(PurseCommands.Ack(Customer1.Sign(MessageType.Ack, pd))).Expect(0x6985);

        v = Vector("abort-with-data", "ABORT", "5.13", "ABORT with data: 6700.");
        v.Send(new CommandApdu(0x80, PurseInstruction.Abort, 0, 0, [0x00])).Expect(0x6700);

        v = Vector("refused-start-aborts", "START FROM", "4.3", "A start refused after the data check still aborts: the epv transfer is logged, the purse is idle.");
        Verify(v, Bank1);
        StartTo(v, Bank1, Eur, 400, 1005);
        Verify(v, Customer1);
        VerifyLockCode(v);
        StartRefused(v, PurseCommands.StartFrom(Customer1.Id, Eur, 100_001, 2004), 0x9403);
        Pending(v);
        Status(v);

        v = Vector("start-aborts-and-starts", "START TO", "4.3", "A successful start aborts (epa, logged 01) and starts in one step.");
        pd = StartFrom(v, Customer1, Eur, 50, 2005);
        Req(v, Customer1, pd);
        Verify(v, Bank1);
        PaymentDetails next = StartTo(v, Bank1, Eur, 10, 1006);
        Status(v);
        Val(v, Bank1, next);

        v = Vector("malformed-start-does-not-abort", "START FROM", "4.3", "A malformed start is not a start: the transfer in progress goes on.");
        next = StartTo(v, Bank1, Eur, 5, 1007);
        v.Send(new CommandApdu(0x80, PurseInstruction.StartFrom, 0, 0, Hex.Decode("8008 5CC0020000000004 82020978 830400000005"), 256)).Expect(0x6A80);
        Pending(v);
        Val(v, Bank1, next);
    }

    private void Resumes()
    {
        VectorBuilder v = Vector("resume-in-epv", "RESUME", "5.14, 4.7", "Payee in epv: RESUME gives the req; after VAL, RESUME gives the ack.");
        Verify(v, Bank1);
        PaymentDetails pd = StartTo(v, Bank1, Gbp, 7_000, 1008);
        Resume(v);
        Val(v, Bank1, pd);
        Resume(v);

        v = Vector("resume-in-epa", "RESUME", "5.14, 4.7", "Payer in epa: RESUME gives the val byte for byte; ACK completes and the val stays pending.");
        Verify(v, Customer1);
        pd = StartFrom(v, Customer1, Gbp, 25, 2007);
        Req(v, Customer1, pd);
        Resume(v);
        Ack(v, Customer1, pd);
        Resume(v);

        v = Vector("resume-nothing-pending", "RESUME", "5.14", "After START FROM the pending log is empty: 6A88.");
        StartFrom(v, Customer1, Gbp, 100, 2008);
        v.Send(PurseCommands.Resume()).Expect(0x6A88);
        Abort(v);
    }

    private void Logs()
    {
        VectorBuilder v = Vector("read-transaction-log", "READ LOG", "5.15, 4.8", "Transaction records, most recent first; beyond the last 6A83.");
        int count = Math.Min(10, Card.TransactionLog.Count);
        for (int i = 0; i < count; i++)
        {
            ReadTransaction(v, i);
        }
        v.Send(PurseCommands.ReadLog(PurseLogKind.Transactions, (byte)count)).Expect(0x6A83);

        v = Vector("read-exception-log", "READ LOG", "5.15, 4.6", "Exception records, oldest first, each signed by the purse; beyond 6A83; P2 03 6A86.");
        for (int i = 0; i < Card.ExceptionLog.Count; i++)
        {
            ReadException(v, i);
        }
        v.Send(PurseCommands.ReadLog(PurseLogKind.Exceptions, (byte)Card.ExceptionLog.Count)).Expect(0x6A83);
        v.Send(new CommandApdu(0x80, PurseInstruction.ReadLog, 0, 3, default, 256)).Expect(0x6A86);

        v = Vector("read-exception-log-aborts", "READ LOG", "5.15, 4.3", "Reading the exception log aborts first; the abort stands even when the index finds nothing.");
        Verify(v, Bank1);
        StartTo(v, Bank1, Eur, 60, 1009);
        Card.Abort();
        v.Send(PurseCommands.ReadLog(PurseLogKind.Exceptions, (byte)(Card.ExceptionLog.Count + 1))).Expect(0x6A83);
        Status(v);
        ReadException(v, Card.ExceptionLog.Count - 1);

        v = Vector("read-transaction-log-does-not-abort", "READ LOG", "5.15", "Reading the transaction log leaves a transfer in progress alone.");
        PaymentDetails pd = StartTo(v, Bank1, Eur, 70, 1010);
        ReadTransaction(v, 0);
        Pending(v);
        Val(v, Bank1, pd);
    }
}
