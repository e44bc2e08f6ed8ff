using SmartCardCash.Iso7816;

namespace SmartCardCash.CardAccess;

/// <summary>
/// A card channel held inside a PC/SC transaction: commands pass straight through; disposing ends the transaction,
/// then disposes the connection, then what the connection depends on (its PC/SC context), in that order.
/// </summary>
public sealed class TransactedChannel : ICardChannel
{
    private readonly ICardChannel _inner;
    private readonly IDisposable? _transaction;
    private readonly IDisposable? _afterwards;
    private bool _disposed;

    /// <param name="inner">The connected card.</param>
    /// <param name="transaction">Ended before the card is disconnected.</param>
    /// <param name="afterwards">Released after the card is disconnected (its PC/SC context).</param>
    public TransactedChannel(ICardChannel inner, IDisposable? transaction, IDisposable? afterwards = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        _transaction = transaction;
        _afterwards = afterwards;
    }

    public string Name => _inner.Name;

    public ReadOnlyMemory<byte> Atr => _inner.Atr;

    public CardProtocol Protocol => _inner.Protocol;

    public byte[] Transmit(ReadOnlySpan<byte> command)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _inner.Transmit(command);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        try
        {
            _transaction?.Dispose();
        }
        finally
        {
            try
            {
                _inner.Dispose();
            }
            finally
            {
                _afterwards?.Dispose();
            }
        }
    }
}
