namespace SmartCardCash.Emulator.Vpcd;

/// <summary>
/// The wait before the next attempt to reach vpcd: <see cref="VpcdSlotOptions.ReconnectInitialDelay"/>, doubling after
/// each wait up to <see cref="VpcdSlotOptions.ReconnectMaxDelay"/>, and back to the start after a healthy connection.
/// </summary>
internal sealed class VpcdBackoff
{
    private readonly TimeSpan _initial;
    private readonly TimeSpan _max;

    public VpcdBackoff(TimeSpan initial, TimeSpan max)
    {
        _initial = initial;
        _max = max;
        Delay = initial;
    }

    /// <summary>How long the next wait is.</summary>
    public TimeSpan Delay { get; private set; }

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(Delay, cancellationToken).ConfigureAwait(false);
        Delay = Delay * 2 < _max ? Delay * 2 : _max;
    }

    public void Restart() => Delay = _initial;
}
