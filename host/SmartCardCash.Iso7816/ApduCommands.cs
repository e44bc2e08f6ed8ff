using SmartCardCash.Iso7816.Pipeline;
using SmartCardCash.Iso7816.Tlv;

namespace SmartCardCash.Iso7816;

/// <summary>Builds the common ISO/IEC 7816-4 commands, so callers do not spell out bytes.</summary>
public static class ApduCommands
{
    /// <summary>Longest DF name (AID) ISO/IEC 7816-4 allows.</summary>
    public const int MaxAidLength = 16;

    /// <summary>
    /// SELECT by DF name (AID): 00 A4 04 00 Lc AID 00, asking for the first or only occurrence and up to 256 bytes
    /// of FCI. An empty AID selects the card's default application (for example the issuer security domain).
    /// </summary>
    public static CommandApdu SelectByAid(ReadOnlySpan<byte> aid, byte cla = 0x00)
    {
        if (aid.Length > MaxAidLength)
        {
            throw new ArgumentException($"an AID has at most {MaxAidLength} bytes; got {aid.Length}.", nameof(aid));
        }
        return new CommandApdu(cla, 0xA4, 0x04, 0x00, aid, CommandApdu.MaxShortExpectedLength);
    }

    /// <summary>GET RESPONSE: cla C0 00 00 Le, collecting <paramref name="ne"/> bytes the card announced with 61xx.</summary>
    public static CommandApdu GetResponse(int ne, byte cla = 0x00)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ne, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ne, CommandApdu.MaxShortExpectedLength);
        return new CommandApdu(cla, GetResponseTransform.GetResponseIns, 0x00, 0x00, default, ne);
    }

    /// <summary>
    /// GET DATA (INS CA) for a data object of one or two tag bytes, which go in P1-P2 (P1 = 00 for a one-byte tag).
    /// </summary>
    public static CommandApdu GetData(Tag tag, int ne = CommandApdu.MaxShortExpectedLength, byte cla = 0x00)
    {
        if (tag.Value == 0 || tag.EncodedLength > 2)
        {
            throw new ArgumentException($"GET DATA carries a tag of 1 or 2 bytes in P1-P2; tag {tag} does not fit.",
                nameof(tag));
        }
        return new CommandApdu(cla, 0xCA, (byte)(tag.Value >> 8), (byte)tag.Value, default, ne);
    }
}
