namespace SmartCardCash.Emulator.Vpcd;

/// <summary>The kinds of <see cref="VpcdTearing"/>.</summary>
public enum VpcdTearingKind
{
    /// <summary>The bridge never tears.</summary>
    None,

    /// <summary>Once, at the N-th command APDU after the tearing is armed.</summary>
    AtCommand,

    /// <summary>Each command APDU with a probability, drawn from a seeded generator.</summary>
    Random,
}
