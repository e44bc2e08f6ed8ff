namespace SmartCardCash.Pcsc;

/// <summary>What to do with the card when disconnecting, ending a transaction or reconnecting (SCARD_*_CARD).</summary>
public enum PcscDisposition
{
    /// <summary>SCARD_LEAVE_CARD: leave the card as it is.</summary>
    Leave = 0,

    /// <summary>SCARD_RESET_CARD: warm reset.</summary>
    Reset = 1,

    /// <summary>SCARD_UNPOWER_CARD: power the card down (a cold reset on the next use).</summary>
    Unpower = 2,

    /// <summary>SCARD_EJECT_CARD: eject the card, where the reader can.</summary>
    Eject = 3,
}
