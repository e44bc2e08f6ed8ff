using SmartCardCash.Emulator.Memory;

namespace SmartCardCash.Purse.Applet.Tests.Support;

/// <summary>Never tears; remembers every physical write it was shown, to learn a command's writes and where it commits.</summary>
internal sealed class RecordingTearingPlan : TearingPlan
{
    private readonly List<PersistentWrite> _writes = [];

    public IReadOnlyList<PersistentWrite> Writes => _writes;

    public override TearDecision Decide(in PersistentWrite write)
    {
        _writes.Add(write);
        return TearDecision.None;
    }
}
