using Microsoft.Extensions.Logging;

namespace SmartCardCash.Iso7816.Pipeline;

/// <summary>What <see cref="ApduTraceTransform"/> logs and at which level.</summary>
public sealed class ApduTraceOptions
{
    /// <summary>The default limit on data bytes shown per command or response: a full short APDU.</summary>
    public const int DefaultMaxDataBytes = 256;

    /// <summary>The level of every trace entry; Debug by default, so a logger filtered at Debug shows the trace.</summary>
    public LogLevel Level { get; set; } = LogLevel.Debug;

    /// <summary>
    /// Instructions whose command data is never logged, only its length. By default the ISO 7816-4 commands that carry
    /// reference data (PINs, and the purse's lock code): VERIFY (20), CHANGE REFERENCE DATA (24), DISABLE (26) and
    /// ENABLE (28) VERIFICATION REQUIREMENT, and RESET RETRY COUNTER (2C).
    /// </summary>
    public ISet<byte> RedactedInstructions { get; } = new HashSet<byte> { 0x20, 0x24, 0x26, 0x28, 0x2C };

    /// <summary>
    /// Data bytes shown per command or response; longer data is cut and the number of hidden bytes is shown.
    /// </summary>
    public int MaxDataBytes { get; set; } = DefaultMaxDataBytes;
}
