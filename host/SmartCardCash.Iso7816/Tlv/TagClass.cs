namespace SmartCardCash.Iso7816.Tlv;

/// <summary>The class of a BER-TLV tag: bits b8 and b7 of its first byte.</summary>
public enum TagClass
{
    /// <summary>00: defined by ITU-T X.680 (for example 30 SEQUENCE).</summary>
    Universal = 0,
    /// <summary>01: defined by ISO/IEC 7816 or an application standard (for example 4F AID, 6F FCI template).</summary>
    Application = 1,
    /// <summary>10: meaning depends on the enclosing object (for example 84 DF name inside 6F).</summary>
    ContextSpecific = 2,
    /// <summary>11: proprietary.</summary>
    Private = 3,
}
