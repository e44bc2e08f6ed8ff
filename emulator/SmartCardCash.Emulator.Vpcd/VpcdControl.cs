namespace SmartCardCash.Emulator.Vpcd;

/// <summary>The 1-byte control messages vpcd sends to a card.</summary>
internal static class VpcdControl
{
    /// <summary>Power the card off. No answer.</summary>
    public const byte PowerOff = 0x00;

    /// <summary>Power the card on. No answer.</summary>
    public const byte PowerOn = 0x01;

    /// <summary>Reset the card (a power cycle). No answer.</summary>
    public const byte Reset = 0x02;

    /// <summary>Send the ATR (answered with the ATR, framed). Also vpcd's presence poll.</summary>
    public const byte GetAtr = 0x04;
}
