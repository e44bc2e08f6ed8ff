using SmartCardCash.AppletApi;

namespace SmartCardCash.Purse.Applet;

/// <summary>
/// One command's persistent changes as one transaction (spec 8.3). The invariants are checked before the commit, so
/// a violation aborts the transaction and nothing broken is ever made durable.
/// </summary>
internal sealed class AtomicUpdate
{
    private readonly IPersistentMemory _memory;
    private readonly PurseInvariants _invariants;

    public AtomicUpdate(IPersistentMemory memory, PurseInvariants invariants)
    {
        _memory = memory;
        _invariants = invariants;
    }

    public void Begin() => _memory.BeginTransaction();

    public void Commit()
    {
        _invariants.Check();
        _memory.CommitTransaction();
    }

    /// <summary>For refusals after the transaction began: nothing of it stands.</summary>
    public void AbortIfOpen()
    {
        if (_memory.InTransaction)
        {
            _memory.AbortTransaction();
        }
    }
}
