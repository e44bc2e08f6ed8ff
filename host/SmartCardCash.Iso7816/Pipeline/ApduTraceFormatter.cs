using System.Globalization;
using System.Text;

namespace SmartCardCash.Iso7816.Pipeline;

/// <summary>Formats the lines of the APDU trace. Separate from the transform so the layout is easy to test and read.</summary>
internal sealed class ApduTraceFormatter
{
    private readonly HashSet<byte> _redactedInstructions;
    private readonly int _maxDataBytes;

    public ApduTraceFormatter(IEnumerable<byte> redactedInstructions, int maxDataBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDataBytes, 1);
        _redactedInstructions = [.. redactedInstructions];
        _maxDataBytes = maxDataBytes;
    }

    /// <summary>"00 A4 04 00 07  A0 00 00 08 70 01 01": header and Lc, then the data (redacted or cut if need be).</summary>
    public string FormatCommand(CommandApdu command)
    {
        byte[] encoded = command.ToBytes();
        int lcLength = command.Nc == 0 ? 0 : command.IsExtended ? 3 : 1;
        var text = new StringBuilder(Hex.EncodeSpaced(encoded.AsSpan(0, 4 + lcLength)));
        if (command.Nc > 0)
        {
            text.Append("  ");
            if (_redactedInstructions.Contains(command.Ins))
            {
                text.Append(CultureInfo.InvariantCulture, $"** redacted ({command.Nc} bytes) **");
            }
            else
            {
                AppendData(text, command.Data.Span);
            }
        }
        return text.ToString();
    }

    /// <summary>"case 4 short, Le=256": what the length fields say, in words.</summary>
    public static string Summarize(CommandApdu command)
    {
        string name = command.Case switch
        {
            ApduCase.Case1 => "case 1",
            ApduCase.Case2Short => "case 2 short",
            ApduCase.Case3Short => "case 3 short",
            ApduCase.Case4Short => "case 4 short",
            ApduCase.Case2Extended => "case 2 extended",
            ApduCase.Case3Extended => "case 3 extended",
            _ => "case 4 extended",
        };
        return command.Ne > 0 ? string.Create(CultureInfo.InvariantCulture, $"{name}, Le={command.Ne}") : name;
    }

    /// <summary>"6F 10 84 08 ...  9000 success", or just "6A82 file or application not found".</summary>
    public string FormatResponse(ResponseApdu response)
    {
        var text = new StringBuilder();
        if (!response.Data.IsEmpty)
        {
            AppendData(text, response.Data.Span);
            text.Append("  ");
        }
        text.Append(response.StatusWord.ToString()).Append(' ').Append(response.StatusWord.Meaning);
        return text.ToString();
    }

    /// <summary>Milliseconds with one decimal, or three below 1 ms so fast emulated exchanges do not read as 0.</summary>
    public static string FormatElapsed(TimeSpan elapsed)
    {
        double ms = elapsed.TotalMilliseconds;
        return ms.ToString(ms >= 1 ? "0.0" : "0.000", CultureInfo.InvariantCulture);
    }

    private void AppendData(StringBuilder text, ReadOnlySpan<byte> data)
    {
        if (data.Length <= _maxDataBytes)
        {
            text.Append(Hex.EncodeSpaced(data));
            return;
        }
        text.Append(Hex.EncodeSpaced(data[.._maxDataBytes]))
            .Append(CultureInfo.InvariantCulture, $" ... (+{data.Length - _maxDataBytes} bytes, {data.Length} in all)");
    }
}
