namespace SmartCardCash.Cli.Readers;

/// <summary>What <c>scc readers</c> says about the card slot of a reader.</summary>
internal enum ReaderCardState
{
    /// <summary>A card is there and answered reset.</summary>
    Present,

    /// <summary>No card.</summary>
    Empty,

    /// <summary>Another program holds the card exclusively.</summary>
    InUse,

    /// <summary>A card is there but does not answer reset.</summary>
    Mute,

    /// <summary>PC/SC cannot tell (the reader is going away, or its driver failed).</summary>
    Unavailable,
}
