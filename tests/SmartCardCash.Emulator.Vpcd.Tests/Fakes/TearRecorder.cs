namespace SmartCardCash.Emulator.Vpcd.Tests.Fakes;

/// <summary>Collects a bridge's <see cref="VpcdBridge.Torn"/> events (raised on the slot's task).</summary>
internal sealed class TearRecorder
{
    private readonly List<VpcdTearEventArgs> _tears = [];

    public IReadOnlyList<VpcdTearEventArgs> All
    {
        get
        {
            lock (_tears)
            {
                return [.. _tears];
            }
        }
    }

    public void Add(VpcdTearEventArgs tear)
    {
        lock (_tears)
        {
            _tears.Add(tear);
        }
    }
}
