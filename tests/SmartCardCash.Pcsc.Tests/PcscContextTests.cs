using Moq;
using SmartCardCash.Iso7816;
using SmartCardCash.Pcsc.Tests.Fakes;

namespace SmartCardCash.Pcsc.Tests;

public sealed class PcscContextTests
{
    private const nint Handle = 0x42;

    private readonly Mock<IPcscApi> _api = StrictPcscApi.OnPcscLite();

    public PcscContextTests()
    {
        _api.Setup(a => a.EstablishContext(PcscScope.User, out It.Ref<nint>.IsAny))
            .Returns(new EstablishCall((PcscScope _, out nint c) =>
            {
                c = Handle;
                return PcscError.Success;
            }));
        _api.Setup(a => a.ReleaseContext(Handle)).Returns(PcscError.Success);
    }

    private delegate PcscError EstablishCall(PcscScope scope, out nint context);

    private delegate PcscError ListCall(nint context, IReadOnlyList<string>? groups, out IReadOnlyList<string> readers);

    private delegate PcscError ConnectCall(nint context, string reader, PcscShareMode share, PcscProtocols protocols,
        out nint card, out PcscProtocols active);

    private delegate PcscError StatusCall(nint card, out PcscCardStatus status);

    [Fact]
    public void Establish_fails_with_start_pcscd_when_the_service_is_down()
    {
        _api.Setup(a => a.EstablishContext(PcscScope.User, out It.Ref<nint>.IsAny))
            .Returns(new EstablishCall((PcscScope _, out nint c) =>
            {
                c = 0;
                return PcscError.NoService;
            }));

        var exception = Assert.Throws<CardServiceUnavailableException>(() =>
            PcscContext.Establish(_api.Object, PcscScope.User, null));

        Assert.Contains("start pcscd", exception.Message);
    }

    [Fact]
    public void No_readers_available_is_an_empty_list()
    {
        SetupReaders(PcscError.NoReadersAvailable);
        using var context = PcscContext.Establish(_api.Object, PcscScope.User, null);

        Assert.Empty(context.ListReaders());
    }

    [Fact]
    public void Lists_readers_of_the_given_groups()
    {
        IReadOnlyList<string>? askedGroups = null;
        _api.Setup(a => a.ListReaders(Handle, It.IsAny<IReadOnlyList<string>?>(), out It.Ref<IReadOnlyList<string>>.IsAny))
            .Returns(new ListCall((nint _, IReadOnlyList<string>? g, out IReadOnlyList<string> r) =>
            {
                askedGroups = g;
                r = ["R1"];
                return PcscError.Success;
            }));
        using var context = PcscContext.Establish(_api.Object, PcscScope.User, null);

        Assert.Equal(["R1"], context.ListReaders("SCard$DefaultReaders"));
        Assert.Equal(["SCard$DefaultReaders"], askedGroups);
        context.ListReaders();
        Assert.Null(askedGroups);
    }

    [Fact]
    public void Listing_readers_without_the_service_names_the_cause()
    {
        SetupReaders(PcscError.ServiceStopped);
        using var context = PcscContext.Establish(_api.Object, PcscScope.User, null);

        var exception = Assert.Throws<CardServiceUnavailableException>(() => context.ListReaders());
        Assert.EndsWith("[SCARD_E_SERVICE_STOPPED]", exception.Message);
    }

    [Fact]
    public void Reader_states_are_a_snapshot_with_flags_and_atr()
    {
        SetupReaders(PcscError.Success, "R1", "R2");
        _api.Setup(a => a.GetStatusChange(Handle, 0u, It.IsAny<PcscReaderState[]>()))
            .Returns((nint _, uint _, PcscReaderState[] states) =>
            {
                Assert.All(states, s => Assert.Equal(PcscReaderStateFlags.Unaware, s.CurrentState));
                states[0].SetNativeEventState(0x0001_0122, [0x3B, 0x00]);
                states[1].SetNativeEventState(0x0000_0012, []);
                return PcscError.Success;
            });
        using var context = PcscContext.Establish(_api.Object, PcscScope.User, null);

        var readers = context.GetReaderStates();

        Assert.Equal(2, readers.Count);
        Assert.Equal("R1", readers[0].ReaderName);
        Assert.True(readers[0].IsCardPresent);
        Assert.True(readers[0].IsInUse);
        Assert.Equal(PcscReaderStateFlags.Present | PcscReaderStateFlags.InUse, readers[0].State);
        Assert.Equal([0x3B, 0x00], readers[0].Atr.ToArray());
        Assert.False(readers[1].IsCardPresent);
        Assert.Equal(PcscReaderStateFlags.Empty, readers[1].State);
    }

    [Fact]
    public void Get_status_change_reports_timeout_as_false_and_cancellation_as_an_exception()
    {
        var results = new Queue<PcscError>([PcscError.Timeout, PcscError.Cancelled, PcscError.Success]);
        _api.Setup(a => a.GetStatusChange(Handle, It.IsAny<uint>(), It.IsAny<PcscReaderState[]>()))
            .Returns(() => results.Dequeue());
        using var context = PcscContext.Establish(_api.Object, PcscScope.User, null);
        PcscReaderState[] states = [new("R1")];

        Assert.False(context.GetStatusChange(states, TimeSpan.FromMilliseconds(5)));
        Assert.Throws<PcscCancelledException>(() => context.GetStatusChange(states, Timeout.InfiniteTimeSpan));
        Assert.True(context.GetStatusChange(states, Timeout.InfiniteTimeSpan));
        _api.Verify(a => a.GetStatusChange(Handle, 5u, It.IsAny<PcscReaderState[]>()), Times.Once);
        _api.Verify(a => a.GetStatusChange(Handle, 0xFFFF_FFFFu, It.IsAny<PcscReaderState[]>()), Times.Exactly(2));
    }

    [Fact]
    public void Cancel_from_another_thread_reaches_the_native_cancel()
    {
        _api.Setup(a => a.Cancel(Handle)).Returns(PcscError.Success);
        using var context = PcscContext.Establish(_api.Object, PcscScope.User, null);

        var thread = new Thread(context.Cancel);
        thread.Start();
        thread.Join();

        _api.Verify(a => a.Cancel(Handle), Times.Once);
    }

    [Fact]
    public void Connect_to_an_unknown_reader_lists_the_available_ones()
    {
        SetupReaders(PcscError.Success, "R1", "R2");
        SetupConnect(PcscError.UnknownReader);
        using var context = PcscContext.Establish(_api.Object, PcscScope.User, null);

        var exception = Assert.Throws<ReaderUnavailableException>(() => context.Connect("Nope"));

        Assert.Equal(["R1", "R2"], exception.AvailableReaders);
        Assert.Contains("'Nope'", exception.Message);
    }

    [Theory]
    [InlineData(PcscError.NoSmartCard, typeof(NoCardException))]
    [InlineData(PcscError.RemovedCard, typeof(NoCardException))]
    [InlineData(PcscError.SharingViolation, typeof(PcscSharingViolationException))]
    [InlineData(PcscError.NoService, typeof(CardServiceUnavailableException))]
    public void Connect_failures_map_to_typed_exceptions(PcscError error, Type expected)
    {
        SetupConnect(error);
        using var context = PcscContext.Establish(_api.Object, PcscScope.User, null);

        Assert.IsType(expected, Record.Exception(() => context.Connect("R1")));
    }

    [Fact]
    public void Connect_returns_a_card_with_the_reader_atr_and_protocol()
    {
        SetupConnect(PcscError.Success);
        _api.Setup(a => a.Status(0x77, out It.Ref<PcscCardStatus>.IsAny))
            .Returns(new StatusCall((nint _, out PcscCardStatus s) =>
            {
                s = new PcscCardStatus(["R1"], PcscCardState.Present | PcscCardState.Specific, PcscProtocols.T1,
                    new byte[] { 0x3B, 0x01 });
                return PcscError.Success;
            }));
        using var context = PcscContext.Establish(_api.Object, PcscScope.User, null);

        var card = context.Connect("R1", PcscShareMode.Exclusive, PcscProtocols.T1);

        Assert.Equal("R1", card.Name);
        Assert.Equal(CardProtocol.T1, card.Protocol);
        Assert.Equal(PcscShareMode.Exclusive, card.ShareMode);
        Assert.Equal([0x3B, 0x01], card.Atr.ToArray());
        _api.Verify(a => a.Connect(Handle, "R1", PcscShareMode.Exclusive, PcscProtocols.T1, out It.Ref<nint>.IsAny,
            out It.Ref<PcscProtocols>.IsAny), Times.Once);
    }

    [Fact]
    public void A_context_can_be_reestablished_after_the_service_restarts()
    {
        var valid = PcscError.InvalidHandle;
        _api.Setup(a => a.IsValidContext(Handle)).Returns(() => valid);
        using var context = PcscContext.Establish(_api.Object, PcscScope.User, null);
        Assert.False(context.IsValid);

        context.Reestablish();
        valid = PcscError.Success;

        Assert.True(context.IsValid);
        _api.Verify(a => a.ReleaseContext(Handle), Times.Once);
        _api.Verify(a => a.EstablishContext(PcscScope.User, out It.Ref<nint>.IsAny), Times.Exactly(2));
    }

    [Fact]
    public void Release_is_idempotent_and_later_use_is_refused()
    {
        var context = PcscContext.Establish(_api.Object, PcscScope.User, null);

        context.Release();
        context.Dispose();

        _api.Verify(a => a.ReleaseContext(Handle), Times.Once);
        Assert.Throws<ObjectDisposedException>(() => context.ListReaders());
        Assert.False(context.IsValid);
    }

    private void SetupReaders(PcscError result, params string[] readers) =>
        _api.Setup(a => a.ListReaders(Handle, It.IsAny<IReadOnlyList<string>?>(), out It.Ref<IReadOnlyList<string>>.IsAny))
            .Returns(new ListCall((nint _, IReadOnlyList<string>? _, out IReadOnlyList<string> r) =>
            {
                r = readers;
                return result;
            }));

    private void SetupConnect(PcscError result) =>
        _api.Setup(a => a.Connect(Handle, It.IsAny<string>(), It.IsAny<PcscShareMode>(), It.IsAny<PcscProtocols>(),
                out It.Ref<nint>.IsAny, out It.Ref<PcscProtocols>.IsAny))
            .Returns(new ConnectCall((nint _, string _, PcscShareMode _, PcscProtocols p, out nint card,
                out PcscProtocols active) =>
            {
                card = result == PcscError.Success ? 0x77 : 0;
                active = result == PcscError.Success ? p : PcscProtocols.None;
                return result;
            }));
}
