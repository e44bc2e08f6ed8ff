using static SmartCardCash.Purse.Conformance.ConformancePeers;

namespace SmartCardCash.Purse.Conformance.Generation;

// What follows a broken transfer: ABORT in every state, RESUME, and the two logs.
internal sealed partial class MerchantCardScenario
{
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
