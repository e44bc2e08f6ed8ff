namespace SmartCardCash.Payments.Tests.Support;

/// <summary>
/// What a test has seen of every payment, each thing once, as the bank's archive and clearing gather it: every
/// exception record (PRG-126's archive), and every payment shown credited (a payee's "received" record or pending ack,
/// a payer's "sent" record). Both outlive what the cards show: a purse busy with a later transfer hides its exception
/// log (reading it would abort), and a transaction log keeps only its last 10 records.
/// </summary>
internal sealed class PaymentArchive
{
    private readonly HashSet<ExceptionRecord> _records = [];
    private readonly HashSet<PaymentDetails> _credited = [];

    public IReadOnlyCollection<ExceptionRecord> Records => _records;

    /// <summary>Adds what <paramref name="purses"/> show: the exception logs that could be read, and every credit.</summary>
    public void Gather(IEnumerable<PurseSnapshot> purses)
    {
        foreach (PurseSnapshot purse in purses)
        {
            _records.UnionWith((purse.Exceptions ?? []).Select(e => e.Record));
            _credited.UnionWith(purse.Transactions
                .Where(t => t.Record.Type is TransactionRecordType.Received or TransactionRecordType.Sent)
                .Select(t => t.Record.Details));
            if (purse.Pending is { Type: MessageType.Ack } ack)
            {
                _credited.Add(ack.Details);
            }
        }
    }

    /// <summary>Some purse logged <paramref name="pd"/> for <paramref name="reason"/> (02: its payee, 01: its payer).</summary>
    public bool Logged(PaymentDetails pd, ExceptionReason reason) => _records.Contains(new ExceptionRecord(reason, pd));

    /// <summary>Its payee was seen credited: its ack, its "received" record, or the payer's "sent" record (made by the ack).</summary>
    public bool Credited(PaymentDetails pd) => _credited.Contains(pd);
}
