namespace SmartCardCash.Emulator.Vpcd;

/// <summary>
/// Something went wrong in a slot. When <see cref="SlotStopped"/> is true the slot is <see cref="VpcdSlotState.Faulted"/>
/// (the card was removed and stays out); otherwise it carried on (for example an applet fault answered 6F00).
/// </summary>
public sealed class VpcdSlotFaultEventArgs(int slot, Exception exception, bool slotStopped) : EventArgs
{
    public int Slot { get; } = slot;

    public Exception Exception { get; } = exception;

    public bool SlotStopped { get; } = slotStopped;
}
