namespace SmartCardCash.Pcsc.Testing;

/// <summary>SCardGetStatusChange of the fake: waits for a change like pcsc-lite, then reports every reader's state.</summary>
public sealed partial class FakePcscService
{
    private PcscError GetStatusChange(nint context, uint timeout, PcscReaderState[] states)
    {
        lock (_lock)
        {
            var valid = Validate(context);
            if (valid != PcscError.Success)
            {
                return valid;
            }

            if (states.Any(s => s.ReaderName != PcscReaderState.PnpNotificationReaderName
                                && _readers.All(r => r.Name != s.ReaderName)))
            {
                return PcscError.UnknownReader;
            }

            var deadline = timeout == Infinite ? DateTime.MaxValue : DateTime.UtcNow.AddMilliseconds(timeout);
            var me = _contexts[context];
            me.Waiting = true;
            me.CancelPending = false;
            try
            {
                while (true)
                {
                    if (_waitFailures.TryDequeue(out var failure))
                    {
                        return failure;
                    }

                    if (Fill(states))
                    {
                        return PcscError.Success;
                    }

                    if (me.CancelPending)
                    {
                        return PcscError.Cancelled;
                    }

                    valid = Validate(context);
                    if (valid != PcscError.Success)
                    {
                        return valid;
                    }

                    var remaining = deadline - DateTime.UtcNow;
                    if (remaining <= TimeSpan.Zero)
                    {
                        return PcscError.Timeout;
                    }

                    Monitor.Wait(_lock, remaining > TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : remaining);
                }
            }
            finally
            {
                me.Waiting = false;
            }
        }
    }

    /// <summary>Sets every entry's event state; returns whether any differs from what the caller knew.</summary>
    private bool Fill(PcscReaderState[] states)
    {
        var changed = false;
        foreach (var s in states)
        {
            uint flags;
            byte[] atr = [];
            var current = s.CurrentState;
            if (s.ReaderName == PcscReaderState.PnpNotificationReaderName)
            {
                if (!PnpSupported)
                {
                    flags = (uint)PcscReaderStateFlags.Unknown;
                    if ((current & PcscReaderStateFlags.Unknown) == 0)
                    {
                        flags |= (uint)PcscReaderStateFlags.Changed;
                        changed = true;
                    }

                    s.SetNativeEventState(flags, atr);
                    continue;
                }

                // Like Windows: the reader-list version rides in the upper word; a difference is a change.
                var version = (uint)(_readerListVersion & 0xFFFF);
                flags = version << 16;
                if (s.CurrentEventCount != (int)version)
                {
                    flags |= (uint)PcscReaderStateFlags.Changed;
                    changed = true;
                }

                s.SetNativeEventState(flags, atr);
                continue;
            }

            var reader = _readers.FirstOrDefault(r => r.Name == s.ReaderName);
            if (reader is null)
            {
                flags = (uint)(PcscReaderStateFlags.Unknown | PcscReaderStateFlags.Unavailable);
                if ((current & PcscReaderStateFlags.Unknown) == 0)
                {
                    flags |= (uint)PcscReaderStateFlags.Changed;
                    changed = true;
                }

                s.SetNativeEventState(flags, atr);
                continue;
            }

            var card = reader.Card;
            flags = (uint)(card is null ? PcscReaderStateFlags.Empty : PcscReaderStateFlags.Present);
            atr = card?.Atr ?? [];
            var differs = current == PcscReaderStateFlags.Unaware
                          || ((uint)current & 0x30) != flags
                          || (s.CurrentEventCount != 0 && s.CurrentEventCount != reader.Counter);
            if (differs)
            {
                flags |= (uint)PcscReaderStateFlags.Changed;
                changed = true;
            }

            // What the card adds (mute, held exclusively, …) comes with it; it never changes while the card is in.
            flags |= (uint)(card?.State ?? PcscReaderStateFlags.Unaware);
            s.SetNativeEventState(flags | ((uint)(reader.Counter & 0xFFFF) << 16), atr);
        }

        return changed;
    }
}
