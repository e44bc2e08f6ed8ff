namespace SmartCardCash.Iso7816;

/// <summary>The transmission protocol a card connection runs on.</summary>
public enum CardProtocol
{
    Unknown = 0,
    /// <summary>ISO/IEC 7816-3 T=0, character oriented: case 4 responses come back as 61xx and GET RESPONSE.</summary>
    T0,
    /// <summary>ISO/IEC 7816-3 T=1, block oriented. PC/SC also reports contactless (ISO 14443-4) cards as T=1.</summary>
    T1,
    /// <summary>Raw exchange through the reader, no transmission protocol.</summary>
    Raw,
}
