namespace SmartCardCash.Emulator.Vpcd;

/// <summary>The running counters of one slot, written by the slot's task and read from anywhere (<see cref="Snapshot"/>).</summary>
internal sealed class VpcdSlotCounters
{
    private long _connects;
    private long _disconnects;
    private long _apdusReceived;
    private long _apdusForwarded;
    private long _tears;
    private long _powerUps;
    private long _powerDowns;
    private long _resets;
    private long _atrRequests;

    public void Connected() => Interlocked.Increment(ref _connects);

    public void Disconnected() => Interlocked.Increment(ref _disconnects);

    /// <summary>Counts a command APDU from vpcd and returns its number (from 1).</summary>
    public long ApduReceived() => Interlocked.Increment(ref _apdusReceived);

    public void ApduForwarded() => Interlocked.Increment(ref _apdusForwarded);

    public void Torn() => Interlocked.Increment(ref _tears);

    public void PowerUp() => Interlocked.Increment(ref _powerUps);

    public void PowerDown() => Interlocked.Increment(ref _powerDowns);

    public void Reset() => Interlocked.Increment(ref _resets);

    public void AtrRequest() => Interlocked.Increment(ref _atrRequests);

    public VpcdSlotStatistics Snapshot() => new(
        Interlocked.Read(ref _connects),
        Interlocked.Read(ref _disconnects),
        Interlocked.Read(ref _apdusReceived),
        Interlocked.Read(ref _apdusForwarded),
        Interlocked.Read(ref _tears),
        Interlocked.Read(ref _powerUps),
        Interlocked.Read(ref _powerDowns),
        Interlocked.Read(ref _resets),
        Interlocked.Read(ref _atrRequests));
}
