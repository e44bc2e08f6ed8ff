namespace SmartCardCash.Emulator.Vpcd;

/// <summary>A slot moved from <see cref="Previous"/> to <see cref="Current"/>; <see cref="Reason"/> says why, in words.</summary>
public sealed class VpcdSlotStateChangedEventArgs(int slot, VpcdSlotState previous, VpcdSlotState current, string reason)
    : EventArgs
{
    public int Slot { get; } = slot;

    public VpcdSlotState Previous { get; } = previous;

    public VpcdSlotState Current { get; } = current;

    public string Reason { get; } = reason;
}
