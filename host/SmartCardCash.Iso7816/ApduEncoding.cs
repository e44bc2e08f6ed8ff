namespace SmartCardCash.Iso7816;

/// <summary>How the length fields of a command APDU are encoded.</summary>
public enum ApduEncoding
{
    /// <summary>Short when Nc ≤ 255 and Ne ≤ 256, extended otherwise.</summary>
    Auto,
    Short,
    Extended,
}
