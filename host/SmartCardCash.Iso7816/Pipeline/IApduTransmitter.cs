namespace SmartCardCash.Iso7816.Pipeline;

/// <summary>
/// Sends one logical command to a card and returns its complete response. Upper layers (applications, the purse
/// protocol) depend on this so tests can fake the card. <see cref="ApduPipeline"/> is the real implementation.
/// </summary>
public interface IApduTransmitter
{
    /// <summary>Sends <paramref name="command"/> and returns the card's response, whatever its status word.</summary>
    /// <exception cref="Errors.SmartCardException">The exchange itself failed (card removed, reader error, garbled response).</exception>
    ResponseApdu Transmit(CommandApdu command);
}
