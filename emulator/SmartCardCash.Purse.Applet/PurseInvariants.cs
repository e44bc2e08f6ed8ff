using System.Buffers.Binary;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Applet;

/// <summary>
/// The invariants of spec 4.4 that one purse can check on its own, asserted after every command and before every
/// commit. Invariants 5 and 6 span all purses; the tests check them over whole payments.
/// </summary>
internal sealed class PurseInvariants
{
    private readonly PurseStore _store;
    private int _exceptionLogCountAtStart;
    private bool _exceptionLogClearAuthorised;

    public PurseInvariants(PurseStore store)
    {
        _store = store;
    }

    /// <summary>Remembers what invariant 4 compares against: the exception-log count before the command.</summary>
    public void BeginCommand()
    {
        _exceptionLogCountAtStart = _store.IsFormatted ? _store.ExceptionLogCount : 0;
        _exceptionLogClearAuthorised = false;
    }

    /// <summary>CLEAR EXCEPTION LOG, and only it, may lower the count (invariant 4).</summary>
    public void AuthoriseExceptionLogClear() => _exceptionLogClearAuthorised = true;

    public void Check()
    {
        if (!_store.IsFormatted)
        {
            return;
        }

        // 1. Each balance between 0 (unsigned) and its pocket's maximum; at most 5 pockets.
        int pockets = _store.PocketCount;
        Require(pockets <= PurseConstants.MaxPockets, $"{pockets} pockets; at most 5.");
        for (int i = 0; i < pockets; i++)
        {
            Pocket pocket = _store.ReadPocket(i);
            Require(pocket.Balance <= pocket.MaximumBalance,
                $"invariant 1: pocket {pocket.Currency} holds {pocket.Balance}, above its maximum {pocket.MaximumBalance}.");
        }

        // 2 and 3. In a transfer, pdAuth names this purse on the right side and its sequence number is already used.
        TransferState state = _store.State;
        Require(state <= TransferState.ExpectingAck, $"transfer state {(byte)state:X2} does not exist.");
        Require(state == TransferState.Idle || _store.Lifecycle == PurseLifecycle.Issued,
            $"transfer state {state} outside ISSUED ({_store.Lifecycle}).");
        if (state != TransferState.Idle)
        {
            byte[] pd = _store.PdAuth;
            PurseId self = _store.PurseId;
            bool payer = state is TransferState.ExpectingReq or TransferState.ExpectingAck;
            PurseId named = PurseId.Read(pd.AsSpan(payer ? 0 : 8, PurseId.Length));
            Require(named == self, $"invariant 2: in {state} pdAuth.{(payer ? "from" : "to")} is {named}, not this purse {self}.");
            uint sequence = BinaryPrimitives.ReadUInt32BigEndian(pd.AsSpan(payer ? 22 : 26));
            Require(sequence < _store.NextSeq, $"invariant 3: in {state} the sequence number {sequence} is not below nextSeq {_store.NextSeq}.");
        }

        // 4. The exception log within capacity, never shrinking except by CLEAR EXCEPTION LOG; and room for the abort
        //    that a transfer in epv or epa may still need (the start checked it).
        int count = _store.ExceptionLogCount;
        Require(count <= PurseConstants.ExceptionLogCapacity, $"invariant 4: {count} exception records; capacity 16.");
        Require(count >= _exceptionLogCountAtStart || _exceptionLogClearAuthorised,
            $"invariant 4: the exception log shrank from {_exceptionLogCountAtStart} to {count} records.");
        Require(state is not (TransferState.ExpectingVal or TransferState.ExpectingAck) || count < PurseConstants.ExceptionLogCapacity,
            $"in {state} the exception log is full, so an abort could not log.");

        Require(_store.TransactionLogCount <= PurseConstants.TransactionLogCapacity && _store.TransactionLogHead < PurseConstants.TransactionLogCapacity,
            "the transaction log ring is out of bounds.");
        Require(_store.PendingTypeByte <= (byte)MessageType.Ack, $"pending log type {_store.PendingTypeByte:X2} does not exist.");
        Require(_store.TriesRemaining <= _store.TriesLimit, "more lock-code tries remain than the limit allows.");
    }

    private static void Require(bool condition, string violation)
    {
        if (!condition)
        {
            throw new PurseInvariantException(violation);
        }
    }
}
