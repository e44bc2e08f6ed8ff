using Moq;

namespace SmartCardCash.Pcsc.Testing;

/// <summary>The card calls of the fake: connect, transactions, status and transmit, on the card in the reader.</summary>
public sealed partial class FakePcscService
{
    private readonly Dictionary<nint, FakeConnection> _connections = [];

    public delegate PcscError ConnectCall(nint context, string readerName, PcscShareMode shareMode,
        PcscProtocols preferredProtocols, out nint card, out PcscProtocols activeProtocol);

    public delegate PcscError StatusCall(nint card, out PcscCardStatus status);

    public delegate PcscError TransmitCall(nint card, PcscProtocols protocol, byte[] command, int commandLength,
        byte[] receiveBuffer, out int receivedLength);

    /// <summary>Card handles connected and not yet disconnected.</summary>
    public int OpenConnections => Locked(() => _connections.Count);

    private void SetupCards()
    {
        Mock.Setup(a => a.Connect(It.IsAny<nint>(), It.IsAny<string>(), It.IsAny<PcscShareMode>(),
                It.IsAny<PcscProtocols>(), out It.Ref<nint>.IsAny, out It.Ref<PcscProtocols>.IsAny))
            .Returns(new ConnectCall(Connect));
        Mock.Setup(a => a.Disconnect(It.IsAny<nint>(), It.IsAny<PcscDisposition>()))
            .Returns((nint card, PcscDisposition _) => Disconnect(card));
        Mock.Setup(a => a.BeginTransaction(It.IsAny<nint>())).Returns((nint card) => OnCard(card, c => c.TransactionBegun()));
        Mock.Setup(a => a.EndTransaction(It.IsAny<nint>(), It.IsAny<PcscDisposition>()))
            .Returns((nint card, PcscDisposition _) => EndTransaction(card));
        Mock.Setup(a => a.Status(It.IsAny<nint>(), out It.Ref<PcscCardStatus>.IsAny)).Returns(new StatusCall(Status));
        Mock.Setup(a => a.Transmit(It.IsAny<nint>(), It.IsAny<PcscProtocols>(), It.IsAny<byte[]>(), It.IsAny<int>(),
                It.IsAny<byte[]>(), out It.Ref<int>.IsAny))
            .Returns(new TransmitCall(Transmit));
    }

    private PcscError Connect(nint context, string readerName, PcscShareMode shareMode, PcscProtocols preferredProtocols,
        out nint card, out PcscProtocols activeProtocol)
    {
        lock (_lock)
        {
            card = 0;
            activeProtocol = PcscProtocols.None;
            var valid = Validate(context);
            if (valid != PcscError.Success)
            {
                return valid;
            }

            var reader = _readers.FirstOrDefault(r => r.Name == readerName);
            var refusal = reader is null ? PcscError.UnknownReader
                : reader.Card is not { } inserted ? PcscError.NoSmartCard
                : inserted.ConnectError is { } error ? error
                : (inserted.State & PcscReaderStateFlags.Mute) != 0 ? PcscError.UnresponsiveCard
                : (inserted.State & PcscReaderStateFlags.Exclusive) != 0 ? PcscError.SharingViolation
                : PcscError.Success;
            if (refusal != PcscError.Success)
            {
                return refusal;
            }

            card = _nextHandle++;
            _connections[card] = new FakeConnection(reader!, reader!.Card!, _generation);
            reader.Card!.Connected();
            activeProtocol = reader.Card.Protocol;
            return PcscError.Success;
        }
    }

    private PcscError Disconnect(nint card)
    {
        lock (_lock)
        {
            if (!_connections.Remove(card, out var connection))
            {
                return PcscError.InvalidHandle;
            }

            connection.Card.Disconnected();
            return PcscError.Success;
        }
    }

    private PcscError EndTransaction(nint card)
    {
        lock (_lock)
        {
            // Counted even when it fails: the caller did try to end it.
            if (_connections.TryGetValue(card, out var connection))
            {
                connection.Card.TransactionEnded();
            }

            return Check(card, out _);
        }
    }

    private PcscError OnCard(nint card, Action<FakeCard> action)
    {
        lock (_lock)
        {
            var result = Check(card, out var connection);
            if (result == PcscError.Success)
            {
                action(connection!.Card);
            }

            return result;
        }
    }

    private PcscError Status(nint card, out PcscCardStatus status)
    {
        lock (_lock)
        {
            var result = Check(card, out var connection);
            status = result == PcscError.Success
                ? new PcscCardStatus([connection!.Reader.Name],
                    PcscCardState.Present | PcscCardState.Powered | PcscCardState.Specific,
                    connection.Card.Protocol, connection.Card.Atr)
                : new PcscCardStatus([], PcscCardState.Unknown, PcscProtocols.None, ReadOnlyMemory<byte>.Empty);
            return result;
        }
    }

    /// <summary>Runs the card's handler outside the lock, so it may change the service (pull the card, stop pcscd).</summary>
    private PcscError Transmit(nint card, PcscProtocols protocol, byte[] command, int commandLength,
        byte[] receiveBuffer, out int receivedLength)
    {
        receivedLength = 0;
        FakeConnection? connection;
        lock (_lock)
        {
            var result = Check(card, out connection);
            if (result != PcscError.Success)
            {
                return result;
            }
        }

        byte[] answer;
        try
        {
            answer = connection!.Card.Answer(command.AsSpan(0, commandLength).ToArray());
        }
        catch (FakeCardError e)
        {
            return e.Error;
        }

        if (answer.Length > receiveBuffer.Length)
        {
            return PcscError.InsufficientBuffer;
        }

        answer.CopyTo(receiveBuffer, 0);
        receivedLength = answer.Length;
        return PcscError.Success;
    }

    /// <summary>Whether a card handle still works: the service runs, and the card it was connected to is still in.</summary>
    private PcscError Check(nint card, out FakeConnection? connection)
    {
        if (!_running)
        {
            connection = null;
            return PcscError.NoService;
        }

        if (!_connections.TryGetValue(card, out connection) || connection.Generation != _generation)
        {
            return PcscError.InvalidHandle;
        }

        return _readers.Contains(connection.Reader) && ReferenceEquals(connection.Reader.Card, connection.Card)
            ? PcscError.Success
            : PcscError.RemovedCard;
    }

    private sealed record FakeConnection(FakeReader Reader, FakeCard Card, int Generation);
}
