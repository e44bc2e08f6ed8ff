namespace SmartCardCash.Emulator;

/// <summary>How an emulated card talks to the reader: which ATR it gives and which transmission rules apply.</summary>
public enum InterfaceProfile
{
    /// <summary>ISO/IEC 7816-3 contacts, T=0: case 4 responses always come back through 61xx and GET RESPONSE.</summary>
    ContactT0 = 0,
    /// <summary>ISO/IEC 7816-3 contacts, T=1.</summary>
    ContactT1 = 1,
    /// <summary>ISO/IEC 14443-4 contactless, seen through PC/SC: pseudo-ATR, UID pseudo-APDU, short APDUs only.</summary>
    Contactless = 2,
}
