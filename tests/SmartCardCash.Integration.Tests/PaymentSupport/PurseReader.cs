using SmartCardCash.Payments.Tests.Support;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Integration.Tests.PaymentSupport;

/// <summary>Reads what a test audits from a purse, through whatever channel it is on, changing nothing.</summary>
internal static class PurseReader
{
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
}
