using SmartCardCash.Iso7816;

namespace SmartCardCash.Cli.Pcsc;

/// <summary>
/// A shared connection to the card in one reader. Unlike <see cref="ICardChannel"/> it takes arrays, which mocking
/// libraries can intercept; <see cref="CardConnectionChannel"/> adapts it for <see cref="Iso7816.Pipeline.ApduPipeline"/>.
/// </summary>
internal interface ICardConnection : IDisposable
{
    string ReaderName { get; }

    ReadOnlyMemory<byte> Atr { get; }

    CardProtocol Protocol { get; }

    /// <summary>Sends one encoded command APDU and returns the encoded response.</summary>
    byte[] Transmit(byte[] command);

    /// <summary>Starts a PC/SC transaction; disposing it ends the transaction and leaves the card as it is.</summary>
    IDisposable BeginTransaction();
}
