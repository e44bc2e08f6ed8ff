using Moq;
using SmartCardCash.Cli.Pcsc;
using SmartCardCash.Iso7816;

namespace SmartCardCash.Cli.Tests.Support;

/// <summary>A card connection faked with Moq: answers each APDU through a handler and records what it was sent.</summary>
internal sealed class FakeCard
{
    public FakeCard(string readerName, Func<byte[], byte[]> handler, CardProtocol protocol = CardProtocol.T1)
    {
        Handler = handler;
        Connection.SetupGet(c => c.ReaderName).Returns(readerName);
        Connection.SetupGet(c => c.Atr).Returns(ReaderStates.Atr);
        Connection.SetupGet(c => c.Protocol).Returns(protocol);
        Connection.Setup(c => c.Transmit(It.IsAny<byte[]>())).Returns<byte[]>(command =>
        {
            Sent.Add(Hex.Encode(command));
            return Handler(command);
        });
        Connection.Setup(c => c.BeginTransaction()).Returns(Transaction.Object);
    }

    public Mock<ICardConnection> Connection { get; } = new();

    public Mock<IDisposable> Transaction { get; } = new();

    public Func<byte[], byte[]> Handler { get; set; }

    /// <summary>Every APDU that reached the card, as hex.</summary>
    public List<string> Sent { get; } = [];

    /// <summary>Answers 9000 to everything.</summary>
    public static byte[] Ok(byte[] _) => [0x90, 0x00];
}
