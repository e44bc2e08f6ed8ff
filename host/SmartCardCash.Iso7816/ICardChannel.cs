namespace SmartCardCash.Iso7816;

/// <summary>
/// One open connection to one card. It carries exactly one command APDU to the card per call and returns the card's
/// bytes unchanged: no GET RESPONSE, no retries. Those belong to <see cref="Pipeline.ApduPipeline"/> above it.
/// A card in a PC/SC reader, an emulated card in process and a remote card all implement this.
/// </summary>
/// <remarks>Not thread-safe: a card does one thing at a time. Failures are <see cref="Errors.SmartCardException"/>s
/// (for example <see cref="Errors.CardRemovedException"/>).</remarks>
public interface ICardChannel : IDisposable
{
    /// <summary>Where the card is: a reader name, "emulator:alice", "tcp://host:port".</summary>
    string Name { get; }

    /// <summary>The Answer To Reset (or the PC/SC pseudo-ATR of a contactless card).</summary>
    ReadOnlyMemory<byte> Atr { get; }

    CardProtocol Protocol { get; }

    /// <summary>Sends one encoded command APDU and returns the encoded response APDU (data followed by SW1 SW2).</summary>
    byte[] Transmit(ReadOnlySpan<byte> command);
}
