using SmartCardCash.Iso7816;

namespace SmartCardCash.Cli.Output;

/// <summary>How values read in human output and JSON alike.</summary>
internal static class Formats
{
    /// <summary>"T=0", "T=1", "raw", or null when unknown.</summary>
    public static string? Protocol(CardProtocol protocol) => protocol switch
    {
        CardProtocol.T0 => "T=0",
        CardProtocol.T1 => "T=1",
        CardProtocol.Raw => "raw",
        _ => null,
    };

    /// <summary>Local time with milliseconds, for human lines.</summary>
    public static string Time(DateTimeOffset time) =>
        time.ToString("yyyy-MM-dd HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 with milliseconds and the UTC offset, for JSON.</summary>
    public static string IsoTime(DateTimeOffset time) =>
        time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture);
}
