using SmartCardCash.Iso7816;

namespace SmartCardCash.Cli.Pcsc;

/// <summary>Presents an <see cref="ICardConnection"/> as the <see cref="ICardChannel"/> the pipeline sends through.</summary>
internal sealed class CardConnectionChannel(ICardConnection connection) : ICardChannel
{
    public string Name => connection.ReaderName;

    public ReadOnlyMemory<byte> Atr => connection.Atr;

    public CardProtocol Protocol => connection.Protocol;

    public byte[] Transmit(ReadOnlySpan<byte> command) => connection.Transmit(command.ToArray());

    /// <summary>The connection belongs to the command that opened it, not to the channel.</summary>
    public void Dispose()
    {
    }
}
