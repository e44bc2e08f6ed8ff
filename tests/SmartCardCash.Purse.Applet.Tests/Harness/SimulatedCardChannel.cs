using SmartCardCash.Iso7816;

namespace SmartCardCash.Purse.Applet.Tests.Harness;

/// <summary>The harness card behind <see cref="ICardChannel"/>, so the conformance runner drives it like a real card.</summary>
internal sealed class SimulatedCardChannel : ICardChannel
{
    private static readonly byte[] HarnessAtr = [0x3B, 0x80, 0x80, 0x01, 0x01];

    public SimulatedCardChannel(SimulatedCard card, string name = "harness")
    {
        Card = card;
        Name = name;
    }

    public SimulatedCard Card { get; }

    public string Name { get; }

    public ReadOnlyMemory<byte> Atr => HarnessAtr;

    public CardProtocol Protocol => CardProtocol.T1;

    /// <summary>Every exchange, for tests that look at the traffic.</summary>
    public int Exchanges { get; private set; }

    public byte[] Transmit(ReadOnlySpan<byte> command)
    {
        Exchanges++;
        if (!CommandApdu.TryParse(command, out CommandApdu? apdu))
        {
            // Lengths that do not add up: what a card answers to a malformed length field.
            return new ResponseApdu(StatusWord.WrongLength).ToBytes();
        }
        return Card.Transmit(apdu!).ToBytes();
    }

    public void Dispose()
    {
    }
}
