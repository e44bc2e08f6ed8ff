using System.Text;
using SmartCardCash.Iso7816;

namespace SmartCardCash.Emulator;

/// <summary>
/// The Answer To Reset of an emulated card for each interface (ISO/IEC 7816-3 section 8, PC/SC part 3 for contactless).
/// </summary>
/// <remarks>
/// <para>Historical bytes (all interfaces): ASCII "SmartCardCash" followed by a format byte <c>01</c>. The first byte
/// is neither <c>00</c>, <c>10</c> nor <c>80</c>, so by ISO/IEC 7816-4 8.1.1 the historical bytes are proprietary.</para>
/// <list type="bullet">
/// <item>Contact T=0: <c>3B 9E 96 00</c> + historical bytes. TA1 = 96 (Fi 512, Di 32); TD1 = 00 (T=0 only), hence
/// no TCK.</item>
/// <item>Contact T=1: <c>3B DE 96 00 81 31 FE 45</c> + historical bytes + TCK. TA1 = 96, TC1 = 00 (no extra guard
/// time), TD1 = 81 (T=1, TD2 follows), TD2 = 31 (T=1, TA3 and TB3 follow), TA3 = FE (IFSC 254), TB3 = 45 (BWI 4,
/// CWI 5).</item>
/// <item>Contactless: the PC/SC pseudo-ATR of an ISO 14443-4 card, <c>3B 8E 80 01</c> + the ATS historical bytes +
/// TCK.</item>
/// </list>
/// TCK makes the XOR of every byte from T0 to TCK zero.
/// </remarks>
public static class AnswerToReset
{
    private static readonly byte[] Historical = [.. Encoding.ASCII.GetBytes("SmartCardCash"), 0x01];

    /// <summary>The historical bytes, also the ATS historical bytes of the contactless interface.</summary>
    public static ReadOnlyMemory<byte> HistoricalBytes => Historical;

    public static byte[] For(InterfaceProfile interfaceProfile) => interfaceProfile switch
    {
        InterfaceProfile.ContactT0 => [0x3B, (byte)(0x90 | Historical.Length), 0x96, 0x00, .. Historical],
        InterfaceProfile.ContactT1 => WithTck([0x3B, (byte)(0xD0 | Historical.Length), 0x96, 0x00, 0x81, 0x31, 0xFE, 0x45, .. Historical]),
        InterfaceProfile.Contactless => WithTck([0x3B, (byte)(0x80 | Historical.Length), 0x80, 0x01, .. Historical]),
        _ => throw new ArgumentOutOfRangeException(nameof(interfaceProfile), interfaceProfile, "unknown interface profile"),
    };

    /// <summary>The protocol PC/SC reports for the interface: T=0 or T=1 (contactless cards are reported as T=1).</summary>
    public static CardProtocol ProtocolOf(InterfaceProfile interfaceProfile) =>
        interfaceProfile == InterfaceProfile.ContactT0 ? CardProtocol.T0 : CardProtocol.T1;

    private static byte[] WithTck(byte[] withoutTck)
    {
        byte tck = 0;
        for (int i = 1; i < withoutTck.Length; i++)
        {
            tck ^= withoutTck[i];
        }
        return [.. withoutTck, tck];
    }
}
