using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using SmartCardCash.AppletApi;
using SmartCardCash.Emulator;
using SmartCardCash.Emulator.Memory;
using SmartCardCash.Iso7816.Pipeline;

namespace SmartCardCash.Purse.Applet.Tests.Support;

/// <summary>
/// The test fixture: a real <see cref="EmulatedCard"/> with the purse installed, a deterministic card RNG seeded from a
/// string, and <see cref="EmulatedCardOptions.ThrowOnAppletFault"/> so that an applet invariant breach fails the test
/// (as <see cref="AppletFaultException"/>) instead of answering 6F00. Powered on through contact T=1 unless told otherwise.
/// </summary>
internal sealed class PurseCard : IPurseHost
{
    /// <summary>The applet type name recorded in the card's registry.</summary>
    public const string AppletType = "SmartCardCash.Purse";

    /// <summary>Room for the purse region and little else: images stay small, so snapshots and clones are cheap.</summary>
    private const int NvmDataSize = 4096;

    private ApduPipeline? _pipeline;

    private PurseCard(EmulatedCard card, InstalledApplet purse, string seed, InterfaceProfile via)
    {
        Emulated = card;
        Purse = purse;
        Seed = seed;
        Interface = via;
    }

    /// <summary>The emulated card itself: tearing plans, write counts, power, faults.</summary>
    public EmulatedCard Emulated { get; }

    /// <summary>The purse's entry in the registry: its AID and its region of the card's memory.</summary>
    public InstalledApplet Purse { get; }

    /// <summary>The card RNG's seed (UTF-8 bytes of this string).</summary>
    public string Seed { get; }

    /// <summary>The interface of the last power-up.</summary>
    public InterfaceProfile Interface { get; private set; }

    public string Name => $"emulator:{Seed}";

    /// <summary>A freshly installed purse (blank region), powered on through <paramref name="via"/>, nothing selected.</summary>
    /// <remarks><paramref name="memory"/> wraps the purse's memory region (to inject memory failures).</remarks>
    public static PurseCard Create(string seed = "purse", InterfaceProfile via = InterfaceProfile.ContactT1,
        Func<IPersistentMemory, IPersistentMemory>? memory = null)
    {
        PurseCard card = Unpowered(seed, via, memory);
        card.Emulated.PowerOn(via);
        return card;
    }

    /// <summary>
    /// A new card (RNG restarted from <paramref name="seed"/>) whose memory is <paramref name="image"/>, powered on:
    /// recovery runs as at any power-up.
    /// </summary>
    public static PurseCard FromImage(NvmSnapshot image, string seed = "purse", InterfaceProfile via = InterfaceProfile.ContactT1)
    {
        PurseCard card = Unpowered(seed, via);
        card.Emulated.RestoreNvm(image);
        card.Emulated.PowerOn(via);
        return card;
    }

    /// <summary>
    /// Sends a command as the test wrote it (raw: a 61xx comes back as such), or through the host's
    /// <see cref="ApduPipeline"/> after <see cref="ThroughHostPipeline"/>.
    /// </summary>
    public ResponseApdu Transmit(CommandApdu command) => _pipeline?.Transmit(command) ?? Emulated.Transmit(command);

    /// <summary>Sends raw bytes, whatever they are (never through the pipeline).</summary>
    public byte[] Transmit(ReadOnlySpan<byte> command) => Emulated.Transmit(command);

    /// <summary>
    /// From now on <see cref="Transmit(CommandApdu)"/> goes through the host library's <see cref="ApduPipeline"/>, as an
    /// application does: GET RESPONSE after 61xx (every case 4 answer on T=0), resend after 6Cxx.
    /// </summary>
    public PurseCard ThroughHostPipeline()
    {
        _pipeline = new ApduPipeline(Emulated.OpenChannel(Name, powerOffOnDispose: false));
        return this;
    }

    /// <summary>A channel to this card for the conformance runner or a host pipeline; disposing it powers the card off.</summary>
    public EmulatedCardChannel OpenChannel(string? name = null) => Emulated.OpenChannel(name ?? Name);

    /// <summary>The whole memory image (journal included), between commands.</summary>
    public NvmSnapshot SnapshotNvm() => Emulated.SnapshotNvm();

    /// <summary>The purse's region of the card's memory as it is now (between commands nothing is journaled).</summary>
    public byte[] ReadPersistentMemory() =>
        Emulated.Memory.Image.Slice(Emulated.Memory.DataOffset + Purse.RegionOffset, Purse.RegionSize).ToArray();

    /// <summary>
    /// Writes into the purse's region from outside the applet, as one atomic NVM write: for states no host could reach
    /// in a test's lifetime. The card must be powered.
    /// </summary>
    public void WriteRegion(int offset, ReadOnlySpan<byte> bytes) =>
        Emulated.Memory.OpenRegion(Purse.RegionOffset, Purse.RegionSize).Write(offset, bytes);

    public void PowerCycle() => PowerCycle(Interface);

    /// <summary>Power off and on again, through <paramref name="via"/>: recovery, a new applet instance, nothing selected.</summary>
    public void PowerCycle(InterfaceProfile via)
    {
        Emulated.PowerOff();
        Emulated.PowerOn(via);
        Interface = via;
    }

    /// <summary>Another card with a copy of this card's memory now, powered on through the same interface.</summary>
    public PurseCard Clone(string? seed = null) => FromImage(SnapshotNvm(), seed ?? Seed, Interface);

    public void AssertNoInternalErrors()
    {
        Assert.True(Emulated.AppletFaults == 0, $"{Name}: {Emulated.AppletFaults} applet faults");
        Assert.True(Emulated.TransactionsAbortedByRuntime == 0, $"{Name}: the applet left {Emulated.TransactionsAbortedByRuntime} transactions open");
    }

    public override string ToString() => Name;

    private static PurseCard Unpowered(string seed, InterfaceProfile via, Func<IPersistentMemory, IPersistentMemory>? memory = null)
    {
        byte[] seedBytes = Encoding.UTF8.GetBytes(seed);
        long uidSeed = BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(seedBytes));
        var card = new EmulatedCard(CardProfile.FromSeed(via, uidSeed, nvmDataSize: NvmDataSize),
            new EmulatedCardOptions { Random = new DeterministicCardRandom(seedBytes), ThrowOnAppletFault = true });
        AppletFactory factory = memory is null
            ? PurseApplet.Factory
            : context => PurseApplet.Create(new AppletContext(memory(context.Memory), context.Random));
        InstalledApplet purse = card.Install(PurseAid.Value, AppletType, factory, PurseApplet.PersistentMemorySize);
        return new PurseCard(card, purse, seed, via);
    }
}
