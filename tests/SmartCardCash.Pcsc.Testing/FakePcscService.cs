using Moq;
using SmartCardCash.Pcsc.Interop;

namespace SmartCardCash.Pcsc.Testing;

/// <summary>
/// A small simulated PC/SC service behind a Moq <see cref="IPcscApi"/>, so the real <see cref="PcscContext"/>,
/// <see cref="PcscCard"/> and <see cref="Monitoring.PcscMonitor"/> run over it: readers, cards that answer APDUs
/// (<see cref="FakeCard"/>), a service that can stop and start, and a SCardGetStatusChange that blocks like
/// pcsc-lite's until something changes, the timeout passes or SCardCancel arrives (which, as in pcsc-lite, only works
/// while a wait is in progress).
/// </summary>
/// <remarks>The mock is strict: a call this fake does not model (SCardControl, SCardGetAttrib, …) fails the test.</remarks>
public sealed partial class FakePcscService
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
        Mock.Setup(a => a.IsValidContext(It.IsAny<nint>())).Returns((nint c) => Locked(() => Validate(c)));
        Mock.Setup(a => a.Cancel(It.IsAny<nint>())).Returns((nint c) => Cancel(c));
        Mock.Setup(a => a.ListReaders(It.IsAny<nint>(), It.IsAny<IReadOnlyList<string>?>(),
                out It.Ref<IReadOnlyList<string>>.IsAny))
            .Returns(new ListReadersCall(ListReaders));
        Mock.Setup(a => a.GetStatusChange(It.IsAny<nint>(), It.IsAny<uint>(), It.IsAny<PcscReaderState[]>()))
            .Returns((nint c, uint t, PcscReaderState[] s) => GetStatusChange(c, t, s));
        SetupCards();
    }

    public delegate PcscError EstablishCall(PcscScope scope, out nint context);

    public delegate PcscError ListReadersCall(nint context, IReadOnlyList<string>? groups,
        out IReadOnlyList<string> readers);

    public Mock<IPcscApi> Mock { get; }

    /// <summary>The fake, to hand to <see cref="PcscContext.Establish(IPcscApi, PcscScope, Microsoft.Extensions.Logging.ILogger?)"/> and the like.</summary>
    public IPcscApi Api => Mock.Object;

    public bool PnpSupported { get; }

    public int CancelCount { get; private set; }

    /// <summary>Contexts established and not yet released.</summary>
    public int OpenContexts => Locked(() => _contexts.Count);

    /// <summary>How many waits are blocked right now (to know the monitor has settled).</summary>
    public int BlockedWaits => Locked(() => _contexts.Values.Count(c => c.Waiting));

    /// <summary>Adds a reader, holding a card with <paramref name="cardAtr"/> if one is given.</summary>
    public void AddReader(string name, byte[]? cardAtr = null) =>
        AddReader(name, cardAtr is null ? null : new FakeCard(cardAtr));

    /// <summary>Adds a reader holding <paramref name="card"/> (empty if null).</summary>
    public void AddReader(string name, FakeCard? card) => Change(() =>
    {
        _readers.Add(new FakeReader(name) { Card = card, Counter = card is null ? 0 : 1 });
        _readerListVersion++;
    });

    public void RemoveReader(string name) => Change(() =>
    {
        _readers.RemoveAll(r => r.Name == name);
        _readerListVersion++;
    });

    public void InsertCard(string reader, byte[] atr) => InsertCard(reader, new FakeCard(atr));

    public void InsertCard(string reader, FakeCard card) => Change(() =>
    {
        var r = Find(reader);
        r.Card = card;
        r.Counter++;
    });

    public void RemoveCard(string reader) => Change(() =>
    {
        var r = Find(reader);
        r.Card = null;
        r.Counter++;
    });

    /// <summary>Takes one card out and puts another in at once, as if it happened between two looks.</summary>
    public void SwapCard(string reader, byte[] atr) => Change(() =>
    {
        var r = Find(reader);
        r.Card = new FakeCard(atr);
        r.Counter += 2;
    });

    /// <summary>pcscd stops: every context and card handle dies, waits return SCARD_E_NO_SERVICE, new ones cannot be made.</summary>
    public void StopService() => Change(() =>
    {
        _running = false;
        _generation++;
    });

    public void StartService() => Change(() => _running = true);

    /// <summary>The next wait (and only it) fails with <paramref name="error"/>.</summary>
    public void FailNextWait(PcscError error) => Change(() => _waitFailures.Enqueue(error));

    private FakeReader Find(string name) => _readers.Single(r => r.Name == name);

    private T Locked<T>(Func<T> read)
    {
        lock (_lock)
        {
            return read();
        }
    }

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

    /// <summary>Whether <paramref name="context"/> still works. Called with the lock held.</summary>
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

    private sealed class FakeReader(string name)
    {
        public string Name { get; } = name;

        public FakeCard? Card { get; set; }

        public int Counter { get; set; }
    }

    private sealed class FakeContext(int generation)
    {
        public int Generation { get; } = generation;

        public bool Waiting { get; set; }

        public bool CancelPending { get; set; }
    }
}
