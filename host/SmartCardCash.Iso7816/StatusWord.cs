using System.Globalization;

namespace SmartCardCash.Iso7816;

/// <summary>The two trailing bytes of every response APDU, with their ISO/IEC 7816-4 meaning.</summary>
public readonly record struct StatusWord(ushort Value)
{
    public StatusWord(byte sw1, byte sw2) : this((ushort)((sw1 << 8) | sw2))
    {
    }

    public static readonly StatusWord Success = new(0x9000);
    public static readonly StatusWord WarningStateUnchanged = new(0x6200);
    public static readonly StatusWord EndOfFileReached = new(0x6282);
    public static readonly StatusWord WarningStateChanged = new(0x6300);
    public static readonly StatusWord MemoryFailure = new(0x6581);
    public static readonly StatusWord WrongLength = new(0x6700);
    public static readonly StatusWord LogicalChannelNotSupported = new(0x6881);
    public static readonly StatusWord SecureMessagingNotSupported = new(0x6882);
    public static readonly StatusWord LastCommandOfChainExpected = new(0x6883);
    public static readonly StatusWord CommandChainingNotSupported = new(0x6884);
    public static readonly StatusWord CommandNotAllowed = new(0x6900);
    public static readonly StatusWord CommandIncompatibleWithFileStructure = new(0x6981);
    public static readonly StatusWord SecurityStatusNotSatisfied = new(0x6982);
    public static readonly StatusWord AuthenticationMethodBlocked = new(0x6983);
    public static readonly StatusWord ReferenceDataNotUsable = new(0x6984);
    public static readonly StatusWord ConditionsOfUseNotSatisfied = new(0x6985);
    public static readonly StatusWord CommandNotAllowedNoCurrentEf = new(0x6986);
    public static readonly StatusWord ExpectedSecureMessagingMissing = new(0x6987);
    public static readonly StatusWord IncorrectSecureMessagingObjects = new(0x6988);
    public static readonly StatusWord WrongParameters = new(0x6A00);
    public static readonly StatusWord IncorrectData = new(0x6A80);
    public static readonly StatusWord FunctionNotSupported = new(0x6A81);
    public static readonly StatusWord FileOrApplicationNotFound = new(0x6A82);
    public static readonly StatusWord RecordNotFound = new(0x6A83);
    public static readonly StatusWord NotEnoughMemory = new(0x6A84);
    public static readonly StatusWord IncorrectP1P2 = new(0x6A86);
    public static readonly StatusWord ReferencedDataNotFound = new(0x6A88);
    public static readonly StatusWord WrongP1P2 = new(0x6B00);
    public static readonly StatusWord InstructionNotSupported = new(0x6D00);
    public static readonly StatusWord ClassNotSupported = new(0x6E00);
    public static readonly StatusWord NoPreciseDiagnosis = new(0x6F00);

    public byte Sw1 => (byte)(Value >> 8);

    public byte Sw2 => (byte)Value;

    /// <summary>9000: normal processing.</summary>
    public bool IsSuccess => Value == 0x9000;

    /// <summary>61xx: the command succeeded and xx more bytes (00 = 256 or more) wait for GET RESPONSE.</summary>
    public bool HasMoreData => Sw1 == 0x61;

    /// <summary>6Cxx: wrong Le; xx (00 = 256) is the exact length to ask for.</summary>
    public bool IsWrongLe => Sw1 == 0x6C;

    /// <summary>62xx or 63xx: processed with a warning.</summary>
    public bool IsWarning => Sw1 is 0x62 or 0x63;

    /// <summary>True when the card processed the command normally (9000 or 61xx).</summary>
    public bool IsNormal => IsSuccess || HasMoreData;

    /// <summary>63Cx: verification failed, x tries left. Returns null for any other status word.</summary>
    public int? RetriesLeft => (Value & 0xFFF0) == 0x63C0 ? Value & 0x0F : null;

    /// <summary>The ISO/IEC 7816-4 meaning in plain words.</summary>
    public string Meaning => Describe(this);

    public override string ToString() => Value.ToString("X4", CultureInfo.InvariantCulture);

    /// <summary>"6A82 (file or application not found)".</summary>
    public string ToDisplayString() => $"{this} ({Meaning})";

    public static StatusWord Parse(string hex)
    {
        byte[] bytes = Hex.Decode(hex);
        if (bytes.Length != 2)
        {
            throw new FormatException($"a status word is 2 bytes; '{hex}' is {bytes.Length}.");
        }
        return new StatusWord(bytes[0], bytes[1]);
    }

    private static string Describe(StatusWord sw)
    {
        byte sw2 = sw.Sw2;
        switch (sw.Sw1)
        {
            case 0x90 when sw2 == 0x00:
                return "success";
            case 0x61:
                return sw2 == 0 ? "success, 256 or more response bytes wait for GET RESPONSE" : $"success, {sw2} response bytes wait for GET RESPONSE";
            case 0x62:
                return sw2 switch
                {
                    0x00 => "warning: no information given, state unchanged",
                    0x81 => "warning: part of the returned data may be corrupted",
                    0x82 => "warning: end of file or record reached before Ne bytes",
                    0x83 => "warning: selected file deactivated",
                    0x84 => "warning: file control information not formatted correctly",
                    0x85 => "warning: selected file in termination state",
                    0x86 => "warning: no input data available from a sensor",
                    _ => "warning: state of non-volatile memory unchanged",
                };
            case 0x63:
                if ((sw2 & 0xF0) == 0xC0)
                {
                    int left = sw2 & 0x0F;
                    return left == 1 ? "verification failed, 1 try left" : $"verification failed, {left} tries left";
                }
                return sw2 switch
                {
                    0x00 => "warning: verification failed or no information given, state changed",
                    0x81 => "warning: file filled up by the last write",
                    _ => "warning: state of non-volatile memory changed",
                };
            case 0x64:
                return sw2 == 0x01 ? "error: immediate response required by the card" : "error: execution error, state of non-volatile memory unchanged";
            case 0x65:
                return sw2 == 0x81 ? "error: memory failure" : "error: execution error, state of non-volatile memory changed";
            case 0x66:
                return "error: security-related issue";
            case 0x67 when sw2 == 0x00:
                return "wrong length (Lc or Le)";
            case 0x67:
                return "wrong length";
            case 0x68:
                return sw2 switch
                {
                    0x81 => "logical channel not supported",
                    0x82 => "secure messaging not supported",
                    0x83 => "last command of the chain expected",
                    0x84 => "command chaining not supported",
                    _ => "functions in CLA not supported",
                };
            case 0x69:
                return sw2 switch
                {
                    0x81 => "command incompatible with file structure",
                    0x82 => "security status not satisfied",
                    0x83 => "authentication method blocked",
                    0x84 => "reference data not usable",
                    0x85 => "conditions of use not satisfied",
                    0x86 => "command not allowed (no current EF)",
                    0x87 => "expected secure messaging data objects missing",
                    0x88 => "incorrect secure messaging data objects",
                    _ => "command not allowed",
                };
            case 0x6A:
                return sw2 switch
                {
                    0x80 => "incorrect parameters in the command data field",
                    0x81 => "function not supported",
                    0x82 => "file or application not found",
                    0x83 => "record not found",
                    0x84 => "not enough memory space",
                    0x85 => "Nc inconsistent with TLV structure",
                    0x86 => "incorrect parameters P1-P2",
                    0x87 => "Nc inconsistent with parameters P1-P2",
                    0x88 => "referenced data not found",
                    0x89 => "file already exists",
                    0x8A => "DF name already exists",
                    _ => "wrong parameters P1-P2",
                };
            case 0x6B:
                return "wrong parameters P1-P2";
            case 0x6C:
                return sw2 == 0 ? "wrong Le: 256 bytes available" : $"wrong Le: {sw2} bytes available";
            case 0x6D:
                return "instruction code not supported or invalid";
            case 0x6E:
                return "class not supported";
            case 0x6F:
                return "no precise diagnosis";
            default:
                return "unknown status word";
        }
    }
}
