namespace SmartCardCash.Iso7816;

/// <summary>The ISO/IEC 7816-3 command cases.</summary>
public enum ApduCase
{
    /// <summary>No command data, no response data.</summary>
    Case1,
    /// <summary>No command data, Le on one byte.</summary>
    Case2Short,
    /// <summary>Command data with Lc on one byte, no Le.</summary>
    Case3Short,
    /// <summary>Lc on one byte, command data, Le on one byte.</summary>
    Case4Short,
    /// <summary>No command data, Le on three bytes.</summary>
    Case2Extended,
    /// <summary>Lc on three bytes, command data, no Le.</summary>
    Case3Extended,
    /// <summary>Lc on three bytes, command data, Le on two bytes.</summary>
    Case4Extended,
}
