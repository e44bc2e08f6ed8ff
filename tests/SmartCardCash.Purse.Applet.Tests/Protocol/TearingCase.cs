using SmartCardCash.Emulator.Memory;

namespace SmartCardCash.Purse.Applet.Tests.Protocol;

/// <summary>
/// One writing command to cut at every write: the card's memory before it, the session commands that must precede it
/// after each power-up (SELECT, VERIFY CERTIFICATE: transient state), the command and the status word it answers uncut.
/// </summary>
internal sealed class TearingCase
{
    public required string Name { get; init; }

    public required NvmSnapshot Before { get; init; }

    /// <summary>The card RNG's seed; each run starts a new card with it, so GENERATE KEY PAIR draws the same key every time.</summary>
    public required string Seed { get; init; }

    public required IReadOnlyList<CommandApdu> Session { get; init; }

    public required CommandApdu Command { get; init; }

    public ushort ExpectedSw { get; init; } = 0x9000;

    /// <summary>
    /// For a command of several transactions (the lock-code commands spend the try in a commit of its own, spec 8.3):
    /// the region after each commit but the last, computed from the region before.
    /// </summary>
    public IReadOnlyList<Func<byte[], byte[]>> Between { get; init; } = [];

    public override string ToString() => Name;
}
