using SmartCardCash.Pcsc;

namespace SmartCardCash.Cli.Pcsc;

/// <summary>An <see cref="IPcscSession"/> over a <see cref="PcscContext"/>, which it owns.</summary>
internal sealed class PcscSession(PcscContext context) : IPcscSession
{
    public IReadOnlyList<PcscReaderStatus> GetReaderStates() => context.GetReaderStates();

    public ICardConnection Connect(string readerName) =>
        new PcscCardConnection(context.Connect(readerName, PcscShareMode.Shared, PcscProtocols.Any));

    public void Dispose() => context.Dispose();
}
