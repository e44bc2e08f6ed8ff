namespace SmartCardCash.Purse.Applet;

/// <summary>
/// The header's flags byte (spec 8.1): what personalisation has done. ACTIVATE needs all of it; certificates are
/// "loaded" when their stored length is not zero, the lock code when its length is not zero.
/// </summary>
[Flags]
internal enum PersonalisationFlags : byte
{
    None = 0,
    KeyPairGenerated = 0x01,
    /// <summary>Pocket i has its limits set: bit (1 + i), i = 0…4.</summary>
    FirstPocketLimitsSet = 0x02,
}
