namespace SmartCardCash.Emulator.Vpcd;

/// <summary>The card was pulled out of its slot during a command.</summary>
public sealed class VpcdTearEventArgs(int slot, long apduNumber, VpcdTearPoint point, bool powerLostAtWrite,
    ReadOnlyMemory<byte> command) : EventArgs
{
    public int Slot { get; } = slot;

    /// <summary>The command's number among all command APDUs the slot received (1-based, since the bridge started).</summary>
    public long ApduNumber { get; } = apduNumber;

    public VpcdTearPoint Point { get; } = point;

    /// <summary>True when the card lost power at a persistent write inside the command (its state is before or after
    /// the command, decided by its recovery); false when it lost power before or after processing it.</summary>
    public bool PowerLostAtWrite { get; } = powerLostAtWrite;

    /// <summary>The torn command APDU.</summary>
    public ReadOnlyMemory<byte> Command { get; } = command;
}
