namespace SmartCardCash.AppletApi;

/// <summary>What the runtime gives an applet instance: its persistent memory and the card's random source.</summary>
public sealed class AppletContext
{
    public AppletContext(IPersistentMemory memory, ICardRandom random)
    {
        Memory = memory ?? throw new ArgumentNullException(nameof(memory));
        Random = random ?? throw new ArgumentNullException(nameof(random));
    }

    /// <summary>This applet's non-volatile memory region, with card-wide transactions.</summary>
    public IPersistentMemory Memory { get; }

    /// <summary>The card's random number generator (a seeded deterministic one in tests).</summary>
    public ICardRandom Random { get; }
}
