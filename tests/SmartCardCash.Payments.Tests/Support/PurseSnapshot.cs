using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Payments.Tests.Support;

/// <summary>One purse as read back by a test: state, pdAuth, pending message, EUR balance, logs.</summary>
internal sealed record PurseSnapshot(string Name, PurseId Id, TransferState State, PaymentDetails? PdAuth, ProtectedMessage? Pending,
    uint Balance, IReadOnlyList<TransactionLogEntry> Transactions, IReadOnlyList<ExceptionLogEntry>? Exceptions)
{
    public bool Received(PaymentDetails pd) =>
        Transactions.Any(t => t.Record.Type == TransactionRecordType.Received && t.Record.Details.Equals(pd)) ||
        (Pending is { Type: MessageType.Ack } ack && ack.Details.Equals(pd));

    public bool Sent(PaymentDetails pd) =>
        Transactions.Any(t => t.Record.Type == TransactionRecordType.Sent && t.Record.Details.Equals(pd));

    public bool Logged(PaymentDetails pd, ExceptionReason reason) =>
        Exceptions is not null && Exceptions.Any(e => e.Record.Reason == reason && e.Record.Details.Equals(pd));

    public bool IsIn(TransferState state, PaymentDetails pd) => State == state && pd.Equals(PdAuth);
}
