namespace SmartCardCash.Purse.Applet.Tests.Vectors;

/// <summary>Wraps a channel and alters the card's answers, to see that the runner notices.</summary>
internal sealed class MisbehavingChannel : ICardChannel
{
    private readonly ICardChannel _inner;
    private readonly Func<byte[], byte[], byte[]> _alter;

    public MisbehavingChannel(ICardChannel inner, Func<byte[], byte[], byte[]> alter)
    {
        _inner = inner;
        _alter = alter;
    }

    public string Name => _inner.Name;

    public ReadOnlyMemory<byte> Atr => _inner.Atr;

    public CardProtocol Protocol => _inner.Protocol;

    public byte[] Transmit(ReadOnlySpan<byte> command) => _alter(command.ToArray(), _inner.Transmit(command));

    public void Dispose() => _inner.Dispose();
}
