namespace SmartCardCash.Emulator.Tests.Probes;

/// <summary>What probe applets report about the calls the runtime made on them, and how they should behave.</summary>
internal sealed class ProbeLog
{
    public List<string> Events { get; } = [];

    /// <summary>Select() returns false.</summary>
    public bool RefuseSelect { get; set; }

    /// <summary>Select() throws.</summary>
    public bool ThrowInSelect { get; set; }

    /// <summary>Deselect() writes persistent memory (to test tearing during deselect).</summary>
    public bool WriteInDeselect { get; set; }

    /// <summary>The factory throws.</summary>
    public bool ThrowInFactory { get; set; }

    public int Instances { get; set; }

    public int Count(string name) => Events.Count(e => e == name);
}
