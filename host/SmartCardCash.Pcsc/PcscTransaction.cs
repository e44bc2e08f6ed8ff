using Microsoft.Extensions.Logging;

namespace SmartCardCash.Pcsc;

/// <summary>
/// An open SCardBeginTransaction on a card: other programs cannot use the card until it ends. It ends exactly once,
/// through <see cref="End"/> or <see cref="Dispose"/> (which leaves the card as it is).
/// </summary>
public sealed class PcscTransaction : IDisposable
{
    private readonly PcscCard _card;
    private readonly ILogger _logger;
    private int _ended;

    internal PcscTransaction(PcscCard card, ILogger logger)
    {
        _card = card;
        _logger = logger;
    }

    public bool IsEnded => Volatile.Read(ref _ended) != 0;

    /// <summary>Ends the transaction, doing <paramref name="disposition"/> to the card. Later calls do nothing.</summary>
    public void End(PcscDisposition disposition = PcscDisposition.Leave)
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0)
        {
            return;
        }

        _card.EndTransaction(disposition);
    }

    /// <summary>Ends the transaction (leaving the card) if it is still open. Failures are logged, not thrown.</summary>
    public void Dispose()
    {
        try
        {
            End();
        }
        catch (Exception ex) when (ex is Iso7816.Errors.SmartCardException or ObjectDisposedException)
        {
            // The card may be gone already; the transaction then ended with it.
            PcscLog.EndTransactionFailed(_logger, _card.ReaderName, ex.Message);
        }
    }
}
