namespace SmartCardCash.Purse.Conformance.Model;

/// <summary>
/// A command APDU: either <see cref="Apdu"/> (sent byte for byte, for malformed APDUs) or <see cref="Header"/>,
/// <see cref="Data"/> and <see cref="Le"/>, from which the runner builds a short APDU (Lc = length of the data).
/// Hex fields may contain <c>{name}</c> templates.
/// </summary>
public sealed class StepCommand
{
    public string? Apdu { get; init; }

    /// <summary>CLA INS P1 P2, 8 hex digits.</summary>
    public string? Header { get; init; }

    public string? Data { get; init; }

    /// <summary>The Le byte, "00" for Ne = 256; absent for no Le.</summary>
    public string? Le { get; init; }
}
