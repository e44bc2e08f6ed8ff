namespace SmartCardCash.Cli.Attach;

/// <summary>Everything <c>scc emulator attach</c> was asked to do, checked before any card is opened.</summary>
/// <param name="ReinsertAfterTear">Null: a torn card stays out of its reader.</param>
/// <param name="ConnectTimeout">How long every slot has to reach vpcd at the start.</param>
internal sealed record AttachPlan(string Host, int PortBase, IReadOnlyList<SlotPlan> Slots, TimeSpan? ReinsertAfterTear,
    TimeSpan ConnectTimeout)
{
    public int PortOf(int slot) => PortBase + slot;
}
