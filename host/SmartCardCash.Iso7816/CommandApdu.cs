using System.Buffers.Binary;
using SmartCardCash.Iso7816.Errors;

namespace SmartCardCash.Iso7816;

/// <summary>
/// An ISO/IEC 7816-4 command APDU: header (CLA INS P1 P2), optional command data (Nc bytes) and the number of
/// response bytes expected (Ne). Immutable. Every instance can be encoded: the constructor rejects impossible lengths.
/// </summary>
/// <remarks>
/// Ne = 0 means "no Le field" (cases 1 and 3). Ne = 256 encodes as short Le = 00, Ne = 65536 as extended Le = 0000.
/// </remarks>
public sealed class CommandApdu : IEquatable<CommandApdu>
{
    public const int MaxShortDataLength = 255;
    public const int MaxShortExpectedLength = 256;
    public const int MaxExtendedDataLength = 65535;
    public const int MaxExtendedExpectedLength = 65536;

    private readonly byte[] _data;

    public CommandApdu(byte cla, byte ins, byte p1, byte p2, ReadOnlySpan<byte> data = default, int ne = 0,
        ApduEncoding encoding = ApduEncoding.Auto)
    {
        if (ne < 0 || ne > MaxExtendedExpectedLength)
        {
            throw new ApduFormatException($"Ne {ne} is impossible: it must be between 0 and {MaxExtendedExpectedLength}.");
        }
        if (data.Length > MaxExtendedDataLength)
        {
            throw new ApduFormatException(
                $"command data of {data.Length} bytes is impossible: at most {MaxExtendedDataLength} bytes fit an APDU.");
        }

        bool needsExtended = data.Length > MaxShortDataLength || ne > MaxShortExpectedLength;
        switch (encoding)
        {
            case ApduEncoding.Short when needsExtended:
                throw new ApduFormatException(
                    $"Nc={data.Length}, Ne={ne} does not fit a short APDU (at most Nc=255 and Ne=256).");
            case ApduEncoding.Extended when data.Length == 0 && ne == 0:
                throw new ApduFormatException("a case 1 APDU (no data, no Le) has no extended form.");
            case ApduEncoding.Auto:
            case ApduEncoding.Short:
            case ApduEncoding.Extended:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "unknown APDU encoding");
        }

        Cla = cla;
        Ins = ins;
        P1 = p1;
        P2 = p2;
        _data = data.ToArray();
        Ne = ne;
        IsExtended = encoding == ApduEncoding.Extended || (encoding == ApduEncoding.Auto && needsExtended);
    }

    public byte Cla { get; }
    public byte Ins { get; }
    public byte P1 { get; }
    public byte P2 { get; }

    /// <summary>The command data field. Its length is Nc.</summary>
    public ReadOnlyMemory<byte> Data => _data;

    /// <summary>Nc: the number of bytes in the command data field.</summary>
    public int Nc => _data.Length;

    /// <summary>Ne: the maximum number of response data bytes expected; 0 means no Le field.</summary>
    public int Ne { get; }

    /// <summary>True when the APDU uses extended length fields (Lc and Le on 2 or 3 bytes).</summary>
    public bool IsExtended { get; }

    /// <summary>The ISO 7816-3 case: 1 (no data, no Le), 2 (Le), 3 (data) or 4 (data and Le).</summary>
    public ApduCase Case => (Nc, Ne) switch
    {
        (0, 0) => ApduCase.Case1,
        (0, _) => IsExtended ? ApduCase.Case2Extended : ApduCase.Case2Short,
        (_, 0) => IsExtended ? ApduCase.Case3Extended : ApduCase.Case3Short,
        _ => IsExtended ? ApduCase.Case4Extended : ApduCase.Case4Short,
    };

    /// <summary>True when CLA bit 5 (0x10) announces that more commands of the chain follow.</summary>
    /// <remarks>As Java Card's <c>APDU.isCommandChainingCLA</c>; CLA FF (PC/SC pseudo-APDUs) never chains.</remarks>
    public bool IsChained => Cla != 0xFF && (Cla & 0x10) != 0;

    /// <summary>Number of bytes <see cref="ToBytes"/> produces.</summary>
    public int EncodedLength
    {
        get
        {
            int length = 4;
            if (IsExtended)
            {
                if (Nc > 0)
                {
                    length += 3 + Nc;
                }
                if (Ne > 0)
                {
                    length += Nc > 0 ? 2 : 3;
                }
            }
            else
            {
                if (Nc > 0)
                {
                    length += 1 + Nc;
                }
                if (Ne > 0)
                {
                    length += 1;
                }
            }
            return length;
        }
    }

    public byte[] ToBytes()
    {
        var buffer = new byte[EncodedLength];
        WriteTo(buffer);
        return buffer;
    }

    /// <summary>Writes the encoded APDU and returns the number of bytes written.</summary>
    public int WriteTo(Span<byte> destination)
    {
        int length = EncodedLength;
        if (destination.Length < length)
        {
            throw new ArgumentException($"destination holds {destination.Length} bytes; the APDU needs {length}.",
                nameof(destination));
        }

        destination[0] = Cla;
        destination[1] = Ins;
        destination[2] = P1;
        destination[3] = P2;
        int offset = 4;
        if (IsExtended)
        {
            if (Nc > 0)
            {
                destination[offset++] = 0;
                BinaryPrimitives.WriteUInt16BigEndian(destination[offset..], (ushort)Nc);
                offset += 2;
                _data.CopyTo(destination[offset..]);
                offset += Nc;
            }
            if (Ne > 0)
            {
                if (Nc == 0)
                {
                    destination[offset++] = 0;
                }
                BinaryPrimitives.WriteUInt16BigEndian(destination[offset..], (ushort)(Ne == MaxExtendedExpectedLength ? 0 : Ne));
                offset += 2;
            }
        }
        else
        {
            if (Nc > 0)
            {
                destination[offset++] = (byte)Nc;
                _data.CopyTo(destination[offset..]);
                offset += Nc;
            }
            if (Ne > 0)
            {
                destination[offset++] = (byte)(Ne == MaxShortExpectedLength ? 0 : Ne);
            }
        }
        return offset;
    }

    public string ToHex() => Convert.ToHexString(ToBytes());

    public override string ToString() => ToHex();

    /// <summary>Parses an encoded command APDU (ISO/IEC 7816-3, 12.1.3). Throws <see cref="ApduFormatException"/>.</summary>
    public static CommandApdu Parse(ReadOnlySpan<byte> apdu)
    {
        if (apdu.Length < 4)
        {
            throw new ApduFormatException($"a command APDU has at least 4 header bytes; got {apdu.Length}.");
        }
        byte cla = apdu[0], ins = apdu[1], p1 = apdu[2], p2 = apdu[3];
        ReadOnlySpan<byte> body = apdu[4..];

        if (body.Length == 0)
        {
            return new CommandApdu(cla, ins, p1, p2);
        }
        if (body.Length == 1)
        {
            int le = body[0] == 0 ? MaxShortExpectedLength : body[0];
            return new CommandApdu(cla, ins, p1, p2, default, le, ApduEncoding.Short);
        }
        if (body[0] != 0)
        {
            int lc = body[0];
            if (body.Length == 1 + lc)
            {
                return new CommandApdu(cla, ins, p1, p2, body.Slice(1, lc), 0, ApduEncoding.Short);
            }
            if (body.Length == 2 + lc)
            {
                int le = body[1 + lc] == 0 ? MaxShortExpectedLength : body[1 + lc];
                return new CommandApdu(cla, ins, p1, p2, body.Slice(1, lc), le, ApduEncoding.Short);
            }
            throw new ApduFormatException(
                $"short Lc={lc} needs a body of {1 + lc} or {2 + lc} bytes after the header; got {body.Length}.");
        }

        // body[0] == 0 and at least 2 bytes follow the header: extended length.
        if (body.Length == 3)
        {
            int le = BinaryPrimitives.ReadUInt16BigEndian(body[1..]);
            return new CommandApdu(cla, ins, p1, p2, default, le == 0 ? MaxExtendedExpectedLength : le, ApduEncoding.Extended);
        }
        if (body.Length < 3)
        {
            throw new ApduFormatException($"an extended length field needs 3 bytes after the header; got {body.Length}.");
        }
        int extendedLc = BinaryPrimitives.ReadUInt16BigEndian(body[1..]);
        if (extendedLc == 0)
        {
            throw new ApduFormatException("extended Lc=0000 is not allowed: Lc must announce at least one data byte.");
        }
        if (body.Length == 3 + extendedLc)
        {
            return new CommandApdu(cla, ins, p1, p2, body.Slice(3, extendedLc), 0, ApduEncoding.Extended);
        }
        if (body.Length == 5 + extendedLc)
        {
            int le = BinaryPrimitives.ReadUInt16BigEndian(body[(3 + extendedLc)..]);
            return new CommandApdu(cla, ins, p1, p2, body.Slice(3, extendedLc), le == 0 ? MaxExtendedExpectedLength : le,
                ApduEncoding.Extended);
        }
        throw new ApduFormatException(
            $"extended Lc={extendedLc} needs a body of {3 + extendedLc} or {5 + extendedLc} bytes after the header; got {body.Length}.");
    }

    /// <summary>Parses hex (spaces, colons and dashes between bytes are allowed).</summary>
    public static CommandApdu ParseHex(string hex) => Parse(Hex.Decode(hex));

    public static bool TryParse(ReadOnlySpan<byte> apdu, out CommandApdu? command)
    {
        try
        {
            command = Parse(apdu);
            return true;
        }
        catch (ApduFormatException)
        {
            command = null;
            return false;
        }
    }

    /// <summary>A copy with another CLA byte (used for chaining and GET RESPONSE).</summary>
    public CommandApdu WithCla(byte cla) => new(cla, Ins, P1, P2, _data, Ne, IsExtended ? ApduEncoding.Extended : ApduEncoding.Auto);

    /// <summary>A copy with another Ne (used when the card answers 6Cxx).</summary>
    /// <remarks>An extended command stays extended (a card that needs extended length for a command still needs it
    /// on the resend), unless the copy has neither data nor Le, which has no extended form.</remarks>
    public CommandApdu WithNe(int ne) =>
        new(Cla, Ins, P1, P2, _data, ne, IsExtended && (Nc > 0 || ne > 0) ? ApduEncoding.Extended : ApduEncoding.Auto);

    public bool Equals(CommandApdu? other) =>
        other is not null && Cla == other.Cla && Ins == other.Ins && P1 == other.P1 && P2 == other.P2 && Ne == other.Ne &&
        IsExtended == other.IsExtended && _data.AsSpan().SequenceEqual(other._data);

    public override bool Equals(object? obj) => obj is CommandApdu other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Cla);
        hash.Add(Ins);
        hash.Add(P1);
        hash.Add(P2);
        hash.Add(Ne);
        hash.AddBytes(_data);
        return hash.ToHashCode();
    }
}
