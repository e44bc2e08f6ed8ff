using System.Globalization;

namespace SmartCardCash.Emulator.Vpcd;

/// <summary>
/// Whether a slot's card is in its reader or out (pulled by <see cref="VpcdBridge.Remove"/> or by a tear), how it
/// comes back (<see cref="VpcdBridge.Insert"/>, or by itself after a delay), and the connection that pulling it out
/// closes. Thread-safe: <see cref="Remove"/> and <see cref="Insert"/> come from any thread, the rest from the slot's task.
/// </summary>
internal sealed class VpcdSlotInsertion(VpcdBridge owner)
{
    private readonly Lock _gate = new();
    private bool _removed;
    private TimeSpan? _autoInsertAfter;
    private TaskCompletionSource _insertRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? _connection;

    /// <summary>Pulls the card out and keeps it out until <see cref="Insert"/>; does nothing if it is out already.</summary>
    public void Remove()
    {
        CancellationTokenSource? connection;
        lock (_gate)
        {
            if (_removed)
            {
                return;
            }
            _removed = true;
            _autoInsertAfter = null;
            _insertRequested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            connection = _connection;
        }
        CancelQuietly(connection);
    }

    /// <summary>Puts the card back; does nothing if it is in.</summary>
    public void Insert()
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            if (!_removed)
            {
                return;
            }
            _removed = false;
            signal = _insertRequested;
        }
        signal.TrySetResult();
    }

    /// <summary>A tear pulled the card out: it stays out until <see cref="Insert"/>, or <paramref name="reinsertAfter"/>.</summary>
    public void TornOut(TimeSpan? reinsertAfter)
    {
        lock (_gate)
        {
            _removed = true;
            _autoInsertAfter = reinsertAfter;
            _insertRequested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>
    /// Makes <paramref name="connection"/> the one <see cref="Remove"/> cancels; false (nothing changed) when the card
    /// was pulled out meanwhile.
    /// </summary>
    public bool TryBeginConnection(CancellationTokenSource connection)
    {
        lock (_gate)
        {
            if (_removed)
            {
                return false;
            }
            _connection = connection;
            return true;
        }
    }

    public void EndConnection()
    {
        lock (_gate)
        {
            _connection = null;
        }
    }

    /// <summary>Returns at once while the card is in; otherwise waits for <see cref="Insert"/> or the automatic re-insertion.</summary>
    public async Task WaitUntilInsertedAsync(CancellationToken stop)
    {
        Task signal;
        TimeSpan? autoInsertAfter;
        lock (_gate)
        {
            if (!_removed)
            {
                return;
            }
            signal = _insertRequested.Task;
            autoInsertAfter = _autoInsertAfter;
        }
        owner.SetState(VpcdSlotState.Removed, autoInsertAfter is { } after
            ? string.Create(CultureInfo.InvariantCulture, $"out of the reader; back in after {after.TotalMilliseconds:0} ms")
            : "out of the reader until inserted");
        if (autoInsertAfter is { } wait)
        {
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(stop);
            Task elapsed = Task.Delay(wait, timer.Token);
            await Task.WhenAny(signal, elapsed).ConfigureAwait(false);
            timer.Cancel();
            stop.ThrowIfCancellationRequested();
            lock (_gate)
            {
                // Unless Remove() was called meanwhile, which asks for a manual insertion.
                if (_autoInsertAfter is not null)
                {
                    _removed = false;
                }
            }
        }
        else
        {
            await signal.WaitAsync(stop).ConfigureAwait(false);
        }
        VpcdLog.Reinserted(owner.Logger, owner.Slot, owner.CardName);
    }

    /// <summary>Cancels without minding that the connection ended and its token was disposed meanwhile.</summary>
    public static void CancelQuietly(CancellationTokenSource? source)
    {
        try
        {
            source?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The connection ended and its token was disposed meanwhile: nothing left to cancel.
        }
    }
}
