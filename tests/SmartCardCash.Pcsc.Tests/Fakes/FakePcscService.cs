using Moq;
using SmartCardCash.Pcsc.Interop;

namespace SmartCardCash.Pcsc.Tests.Fakes;

/// <summary>
/// A small simulated PC/SC service behind a Moq <see cref="IPcscApi"/>: readers, cards, a service that can stop and
/// start, and a SCardGetStatusChange that blocks like pcsc-lite's until something changes, the timeout passes or
/// SCardCancel arrives (which, as in pcsc-lite, only works while a wait is in progress).
/// </summary>
internal sealed class FakePcscService
{
    private const uint Infinite = 0xFFFF_FFFF;

    private readonly object _lock = new();
    private readonly List<FakeReader> _readers = [];
    private readonly Dictionary<nint, FakeContext> _contexts = [];
    private readonly Queue<PcscError> _waitFailures = new();
    private bool _running = true;
    private int _generation = 1;
    private int _readerListVersion = 1;
    private nint _nextHandle = 0x100;

    public FakePcscService(bool pnpSupported = true)
    {
        PnpSupported = pnpSupported;
        Mock = new Mock<IPcscApi>(MockBehavior.Strict);
        Mock.SetupGet(a => a.Platform).Returns(PcscPlatform.PcscLite);
        Mock.Setup(a => a.EstablishContext(It.IsAny<PcscScope>(), out It.Ref<nint>.IsAny))
            .Returns(new EstablishCall(Establish));
        Mock.Setup(a => a.ReleaseContext(It.IsAny<nint>())).Returns((nint c) => Release(c));
        Mock.Setup(a => a.Cancel(It.IsAny<nint>())).Returns((nint c) => Cancel(c));
        Mock.Setup(a => a.ListReaders(It.IsAny<nint>(), It.IsAny<IReadOnlyList<string>?>(),
                out It.Ref<IReadOnlyList<string>>.IsAny))
            .Returns(new ListReadersCall(ListReaders));
        Mock.Setup(a => a.GetStatusChange(It.IsAny<nint>(), It.IsAny<uint>(), It.IsAny<PcscReaderState[]>()))
            .Returns((nint c, uint t, PcscReaderState[] s) => GetStatusChange(c, t, s));
    }

    public delegate PcscError EstablishCall(PcscScope scope, out nint context);

    public delegate PcscError ListReadersCall(nint context, IReadOnlyList<string>? groups,
        out IReadOnlyList<string> readers);

    public Mock<IPcscApi> Mock { get; }

    public IPcscApi Api => Mock.Object;

    public bool PnpSupported { get; }

    public int CancelCount { get; private set; }

    public int OpenContexts
    {
        get
        {
            lock (_lock)
            {
                return _contexts.Count;
            }
        }
    }

    /// <summary>How many waits are blocked right now (to know the monitor has settled).</summary>
    public int BlockedWaits
    {
        get
        {
            lock (_lock)
            {
                return _contexts.Values.Count(c => c.Waiting);
            }
        }
    }

    public void AddReader(string name, byte[]? cardAtr = null) => Change(() =>
    {
        _readers.Add(new FakeReader(name) { Atr = cardAtr, Counter = cardAtr is null ? 0 : 1 });
        _readerListVersion++;
    });

    public void RemoveReader(string name) => Change(() =>
    {
        _readers.RemoveAll(r => r.Name == name);
        _readerListVersion++;
    });

    public void InsertCard(string reader, byte[] atr) => Change(() =>
    {
        var r = Find(reader);
        r.Atr = atr;
        r.Counter++;
    });

    public void RemoveCard(string reader) => Change(() =>
    {
        var r = Find(reader);
        r.Atr = null;
        r.Counter++;
    });

    /// <summary>Takes one card out and puts another in at once, as if it happened between two looks.</summary>
    public void SwapCard(string reader, byte[] atr) => Change(() =>
    {
        var r = Find(reader);
        r.Atr = atr;
        r.Counter += 2;
    });

    /// <summary>pcscd stops: every context dies, waits return SCARD_E_NO_SERVICE, new ones cannot be made.</summary>
    public void StopService() => Change(() =>
    {
        _running = false;
        _generation++;
    });

    public void StartService() => Change(() => _running = true);

    /// <summary>The next wait (and only it) fails with <paramref name="error"/>.</summary>
    public void FailNextWait(PcscError error) => Change(() => _waitFailures.Enqueue(error));

    private FakeReader Find(string name) => _readers.Single(r => r.Name == name);

    private void Change(Action change)
    {
        lock (_lock)
        {
            change();
            Monitor.PulseAll(_lock);
        }
    }

    private PcscError Establish(PcscScope scope, out nint context)
    {
        lock (_lock)
        {
            context = 0;
            if (!_running)
            {
                return PcscError.NoService;
            }

            context = _nextHandle++;
            _contexts[context] = new FakeContext(_generation);
            return PcscError.Success;
        }
    }

    private PcscError Release(nint context)
    {
        lock (_lock)
        {
            return _contexts.Remove(context) ? PcscError.Success : PcscError.InvalidHandle;
        }
    }

    private PcscError Cancel(nint context)
    {
        lock (_lock)
        {
            CancelCount++;
            if (_contexts.TryGetValue(context, out var c) && c.Waiting)
            {
                c.CancelPending = true;
                Monitor.PulseAll(_lock);
            }

            return PcscError.Success;
        }
    }

    private PcscError Validate(nint context)
    {
        if (!_running)
        {
            return PcscError.NoService;
        }

        return _contexts.TryGetValue(context, out var c) && c.Generation == _generation
            ? PcscError.Success
            : PcscError.InvalidHandle;
    }

    private PcscError ListReaders(nint context, IReadOnlyList<string>? groups, out IReadOnlyList<string> readers)
    {
        lock (_lock)
        {
            readers = [];
            var valid = Validate(context);
            if (valid != PcscError.Success)
            {
                return valid;
            }

            if (_readers.Count == 0)
            {
                return PcscError.NoReadersAvailable;
            }

            readers = _readers.Select(r => r.Name).ToArray();
            return PcscError.Success;
        }
    }

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

            var present = reader.Atr is not null;
            flags = (uint)(present ? PcscReaderStateFlags.Present : PcscReaderStateFlags.Empty);
            atr = reader.Atr ?? [];
            var differs = current == PcscReaderStateFlags.Unaware
                          || ((uint)current & 0x30) != flags
                          || (s.CurrentEventCount != 0 && s.CurrentEventCount != reader.Counter);
            if (differs)
            {
                flags |= (uint)PcscReaderStateFlags.Changed;
                changed = true;
            }

            s.SetNativeEventState(flags | ((uint)(reader.Counter & 0xFFFF) << 16), atr);
        }

        return changed;
    }

    private sealed class FakeReader(string name)
    {
        public string Name { get; } = name;

        public byte[]? Atr { get; set; }

        public int Counter { get; set; }
    }

    private sealed class FakeContext(int generation)
    {
        public int Generation { get; } = generation;

        public bool Waiting { get; set; }

        public bool CancelPending { get; set; }
    }
}
