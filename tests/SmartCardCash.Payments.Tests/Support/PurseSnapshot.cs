using SmartCardCash.CardAccess;
using SmartCardCash.Purse;

namespace SmartCardCash.Payments.Tests.Support;

/// <summary>One purse as read back by a test: state, pdAuth, pending message, EUR balance, logs.</summary>
internal sealed record PurseSnapshot(string Name, PurseId Id, TransferState State, PaymentDetails? PdAuth, ProtectedMessage? Pending,
    uint Balance, IReadOnlyList<TransactionLogEntry> Transactions, IReadOnlyList<ExceptionLogEntry>? Exceptions)
{
    /// <summary>Reads <paramref name="purse"/> through whatever channel it is on, changing nothing.</summary>
    public static PurseSnapshot Read(PurseCard purse, string name)
    {
        PurseFci fci = purse.Select();
        PendingTransfer pending = purse.GetPendingTransfer();
        ProtectedMessage? last = purse.Resume();
        uint balance = purse.GetBalances().Single(b => b.Currency == Currency.Eur.Code).Balance;
        IReadOnlyList<TransactionLogEntry> transactions = purse.ReadTransactionLog();
        // Reading the exception log aborts a transfer in progress: only read it when there is none.
        IReadOnlyList<ExceptionLogEntry>? exceptions = pending.State == TransferState.Idle ? purse.ReadExceptionLog() : null;
        return new PurseSnapshot(name, fci.PurseId!.Value, pending.State, pending.Details, last, balance, transactions, exceptions);
    }

    /// <summary>Reads the card image <paramref name="name"/> in <paramref name="store"/> (it must not be in use).</summary>
    public static PurseSnapshot ReadImage(EmulatedCardStore store, string name)
    {
        using CardConnection card = store.Open(name);
        return Read(PurseCard.Open(card.Channel, card.DisplayName), name);
    }

    public bool Received(PaymentDetails pd) =>
        Transactions.Any(t => t.Record.Type == TransactionRecordType.Received && t.Record.Details.Equals(pd)) ||
        (Pending is { Type: MessageType.Ack } ack && ack.Details.Equals(pd));

    public bool Sent(PaymentDetails pd) =>
        Transactions.Any(t => t.Record.Type == TransactionRecordType.Sent && t.Record.Details.Equals(pd));

    public bool Logged(PaymentDetails pd, ExceptionReason reason) =>
        Exceptions is not null && Exceptions.Any(e => e.Record.Reason == reason && e.Record.Details.Equals(pd));

    public bool IsIn(TransferState state, PaymentDetails pd) => State == state && pd.Equals(PdAuth);
}
