using Microsoft.Extensions.Logging;
using SmartCardCash.Iso7816;

namespace SmartCardCash.Cli.Conformance;

/// <summary>
/// The card under test as the conformance runner sees it: every APDU sent exactly as the vector says (no pipeline:
/// some vectors are deliberately malformed), Ctrl+C honoured between APDUs, and each exchange traced with --trace.
/// </summary>
internal sealed class ConformanceChannel(ICardChannel inner, bool ownsInner, CancellationToken interrupt, ILogger? trace)
    : ICardChannel
{
    public string Name => inner.Name;

    public ReadOnlyMemory<byte> Atr => inner.Atr;

    public CardProtocol Protocol => inner.Protocol;

    public byte[] Transmit(ReadOnlySpan<byte> command)
    {
        // The runner catches card errors only: a cancellation goes straight up and ends the command with exit 130.
        interrupt.ThrowIfCancellationRequested();
        byte[] response = inner.Transmit(command);
        if (trace is not null && trace.IsEnabled(LogLevel.Debug))
        {
            ConformanceLog.Exchanged(trace, inner.Name, Hex.Encode(command), Hex.Encode(response));
        }
        return response;
    }

    public void Dispose()
    {
        if (ownsInner)
        {
            inner.Dispose();
        }
    }
}
