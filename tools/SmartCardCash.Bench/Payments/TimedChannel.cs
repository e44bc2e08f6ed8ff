using System.Diagnostics;
using SmartCardCash.Iso7816;

namespace SmartCardCash.Bench.Payments;

/// <summary>
/// Passes every command through to the card and counts them and the time spent waiting for the answer: through
/// pcscd that is the time in SCardTransmit (pcscd, vpcd, the bridge, the card, its image save), in process the
/// card's own time. <paramref name="afterCommand"/> runs after each answer, outside the timing.
/// </summary>
public sealed class TimedChannel(ICardChannel inner, Action? afterCommand = null) : ICardChannel
{
    public string Name => inner.Name;

    public ReadOnlyMemory<byte> Atr => inner.Atr;

    public CardProtocol Protocol => inner.Protocol;

    public long Commands { get; private set; }

    public TimeSpan InTransmit { get; private set; }

    public byte[] Transmit(ReadOnlySpan<byte> command)
    {
        long started = Stopwatch.GetTimestamp();
        try
        {
            return inner.Transmit(command);
        }
        finally
        {
            InTransmit += Stopwatch.GetElapsedTime(started);
            Commands++;
            afterCommand?.Invoke();
        }
    }

    /// <summary>Disposes the channel it wraps.</summary>
    public void Dispose() => inner.Dispose();
}
