using System.Globalization;

namespace SmartCardCash.Emulator.Vpcd;

/// <summary>
/// When a <see cref="VpcdBridge"/> pulls its card out of the reader in the middle of the host's work, for testing how
/// hosts and applets cope with tearing. Immutable; arm it with <see cref="VpcdSlotOptions.Tearing"/> or
/// <see cref="VpcdBridge.ArmTearing"/>.
/// </summary>
/// <remarks>
/// Command APDUs are numbered from 1, counted from when the tearing is armed, over every command APDU vpcd delivers
/// to the slot (GET RESPONSE, and the contactless <c>FF CA</c> pseudo-APDU, included), across re-insertions. Control
/// messages (power, ATR polls) are not counted. After a tear the card is unpowered and the connection is closed; the
/// slot re-inserts the card after <see cref="VpcdSlotOptions.ReinsertAfterTear"/>, or when
/// <see cref="VpcdBridge.Insert"/> is called.
/// </remarks>
public sealed class VpcdTearing
{
    /// <summary>Command APDUs whose persistent-write index a random <see cref="VpcdTearPoint.DuringCommand"/> tear is
    /// drawn from (0 to 15): enough for a transaction of a few entries (entries, commit record, applies, clear).</summary>
    public const int RandomWriteIndexRange = 16;

    private VpcdTearing(VpcdTearingKind kind, long commandNumber, VpcdTearPoint point, int writeIndex, int? bytesWritten,
        ulong seed, double probability)
    {
        Kind = kind;
        CommandNumber = commandNumber;
        Point = point;
        WriteIndex = writeIndex;
        BytesWritten = bytesWritten;
        Seed = seed;
        Probability = probability;
    }

    /// <summary>Never tears.</summary>
    public static VpcdTearing None { get; } = new(VpcdTearingKind.None, 0, VpcdTearPoint.BeforeCommand, 0, null, 0, 0);

    public VpcdTearingKind Kind { get; }

    /// <summary>For <see cref="VpcdTearingKind.AtCommand"/>: the 1-based number of the command that is torn.</summary>
    public long CommandNumber { get; }

    public VpcdTearPoint Point { get; }

    /// <summary>For <see cref="AtCommand"/> with <see cref="VpcdTearPoint.DuringCommand"/>: the 0-based index, among
    /// the command's own persistent writes, of the write at which power is lost.</summary>
    public int WriteIndex { get; }

    /// <summary>How many bytes the torn data write keeps (null: half of them, the emulator's default).</summary>
    public int? BytesWritten { get; }

    /// <summary>For <see cref="VpcdTearingKind.Random"/>: the generator's seed.</summary>
    public ulong Seed { get; }

    /// <summary>For <see cref="VpcdTearingKind.Random"/>: the probability that a command is torn.</summary>
    public double Probability { get; }

    /// <summary>
    /// Tears once, at command number <paramref name="commandNumber"/> (1 = the next command). "Remove the card after N
    /// commands" is <c>AtCommand(N, AfterResponse)</c>; <c>AtCommand(N, BeforeCommand)</c> leaves the card in the same
    /// state but lets the host send command N first. For <see cref="VpcdTearPoint.DuringCommand"/>,
    /// <paramref name="writeIndex"/> picks the command's persistent write at which power is lost (0 = its first) and
    /// <paramref name="bytesWritten"/> how much of that write lands.
    /// </summary>
    public static VpcdTearing AtCommand(long commandNumber, VpcdTearPoint point, int writeIndex = 0, int? bytesWritten = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(commandNumber, 1);
        ValidatePoint(point);
        ArgumentOutOfRangeException.ThrowIfNegative(writeIndex);
        if (bytesWritten is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bytesWritten), bytesWritten, "bytes written cannot be negative");
        }
        if (point != VpcdTearPoint.DuringCommand && (writeIndex != 0 || bytesWritten is not null))
        {
            throw new ArgumentException("a write index or byte count only applies to a tear during the command", nameof(writeIndex));
        }
        return new VpcdTearing(VpcdTearingKind.AtCommand, commandNumber, point, writeIndex, bytesWritten, 0, 0);
    }

    /// <summary>
    /// Tears each command with probability <paramref name="probability"/>. Deterministic: a generator seeded with
    /// <paramref name="seed"/> makes two draws per command (whether to tear; for
    /// <see cref="VpcdTearPoint.DuringCommand"/>, the write index, 0 to <see cref="RandomWriteIndexRange"/> − 1), so
    /// the same seed over the same sequence of commands tears the same commands at the same writes. Stays armed.
    /// </summary>
    public static VpcdTearing Random(ulong seed, double probability, VpcdTearPoint point = VpcdTearPoint.DuringCommand)
    {
        if (!(probability is >= 0.0 and <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "a probability lies between 0 and 1");
        }
        ValidatePoint(point);
        return new VpcdTearing(VpcdTearingKind.Random, 0, point, 0, null, seed, probability);
    }

    internal VpcdTearDecider CreateDecider() => new(this);

    public override string ToString() => Kind switch
    {
        VpcdTearingKind.None => "no tearing",
        VpcdTearingKind.AtCommand when Point == VpcdTearPoint.DuringCommand =>
            string.Create(CultureInfo.InvariantCulture, $"tear during command {CommandNumber} at its write {WriteIndex}"),
        VpcdTearingKind.AtCommand => string.Create(CultureInfo.InvariantCulture, $"tear {Describe(Point)} command {CommandNumber}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"tear {Describe(Point)} each command with probability {Probability} (seed {Seed})"),
    };

    private static string Describe(VpcdTearPoint point) => point switch
    {
        VpcdTearPoint.BeforeCommand => "before",
        VpcdTearPoint.DuringCommand => "during",
        _ => "after the response to",
    };

    private static void ValidatePoint(VpcdTearPoint point)
    {
        if (!Enum.IsDefined(point))
        {
            throw new ArgumentOutOfRangeException(nameof(point), point, "unknown tear point");
        }
    }
}
