namespace SmartCardCash.Pcsc.Testing;

/// <summary>
/// A card in a reader of <see cref="FakePcscService"/>: answers each APDU through <see cref="Handler"/>, records what it
/// was sent, and counts what was done to it through PC/SC (connections, transactions).
/// </summary>
public sealed class FakeCard(byte[] atr)
{
    private readonly object _lock = new();
    private readonly List<string> _sent = [];

    public byte[] Atr { get; } = atr;

    /// <summary>The protocol a connection gets (T=1 unless set).</summary>
    public PcscProtocols Protocol { get; init; } = PcscProtocols.T1;

    /// <summary>
    /// State bits the reader reports besides Present, e.g. <see cref="PcscReaderStateFlags.Mute"/> (connecting then
    /// fails with SCARD_W_UNRESPONSIVE_CARD) or <see cref="PcscReaderStateFlags.Exclusive"/> (SCARD_E_SHARING_VIOLATION).
    /// </summary>
    public PcscReaderStateFlags State { get; init; }

    /// <summary>What SCardConnect answers for this card regardless of its state (e.g. SCARD_E_PROTO_MISMATCH).</summary>
    public PcscError? ConnectError { get; init; }

    /// <summary>
    /// Answers one command APDU. It may throw <see cref="FakeCardError"/> (see <see cref="Fails"/>) to make SCardTransmit
    /// return a PC/SC error; any other exception goes up as a broken driver's would.
    /// </summary>
    public Func<byte[], byte[]> Handler { get; set; } = Ok;

    /// <summary>Every APDU that reached the card, as upper-case hex, in order.</summary>
    public IReadOnlyList<string> Sent
    {
        get
        {
            lock (_lock)
            {
                return [.. _sent];
            }
        }
    }

    public int ConnectCount { get; private set; }

    public int DisconnectCount { get; private set; }

    public int TransactionCount { get; private set; }

    public int EndedTransactionCount { get; private set; }

    /// <summary>Answers 9000 to everything.</summary>
    public static byte[] Ok(byte[] command) => [0x90, 0x00];

    /// <summary>What a handler throws to make SCardTransmit fail with <paramref name="error"/>.</summary>
    public static FakeCardError Fails(PcscError error) => new(error);

    internal void Connected() => ConnectCount++;

    internal void Disconnected() => DisconnectCount++;

    internal void TransactionBegun() => TransactionCount++;

    internal void TransactionEnded() => EndedTransactionCount++;

    internal byte[] Answer(byte[] command)
    {
        lock (_lock)
        {
            _sent.Add(Convert.ToHexString(command));
        }

        return Handler(command);
    }
}
