using SmartCardCash.Iso7816;
using SmartCardCash.Pcsc;

namespace SmartCardCash.Cli.Pcsc;

/// <summary>An <see cref="ICardConnection"/> over a <see cref="PcscCard"/>, which it owns.</summary>
internal sealed class PcscCardConnection(PcscCard card) : ICardConnection
{
    public string ReaderName => card.ReaderName;

    public ReadOnlyMemory<byte> Atr => card.Atr;

    public CardProtocol Protocol => card.Protocol;

    public byte[] Transmit(byte[] command) => card.Transmit(command);

    public IDisposable BeginTransaction() => card.BeginTransaction();

    public void Dispose() => card.Dispose();
}
