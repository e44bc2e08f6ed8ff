namespace SmartCardCash.Emulator.Vpcd;

/// <summary>One command APDU the card answered, and its answer as sent to vpcd.</summary>
public sealed class VpcdApduEventArgs(int slot, long apduNumber, ReadOnlyMemory<byte> command, ReadOnlyMemory<byte> response)
    : EventArgs
{
    public int Slot { get; } = slot;

    /// <summary>The command's number among all command APDUs the slot received (1-based).</summary>
    public long ApduNumber { get; } = apduNumber;

    public ReadOnlyMemory<byte> Command { get; } = command;

    public ReadOnlyMemory<byte> Response { get; } = response;
}
