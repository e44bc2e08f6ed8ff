using Moq;
using SmartCardCash.Iso7816;
using SmartCardCash.Pcsc.Tests.Fakes;

namespace SmartCardCash.Pcsc.Tests;

public sealed class PcscCardTests
{
    private const nint CardHandle = 0x77;

    private readonly Mock<IPcscApi> _api = StrictPcscApi.OnPcscLite();

    public PcscCardTests()
    {
        _api.Setup(a => a.Disconnect(CardHandle, It.IsAny<PcscDisposition>())).Returns(PcscError.Success);
    }

    private delegate PcscError TransmitCall(nint card, PcscProtocols protocol, byte[] command, int length,
        byte[] receive, out int received);

    private delegate PcscError AttribCall(nint card, uint attribute, byte[]? buffer, ref int length);

    [Theory]
    [InlineData(PcscProtocols.T0, CardProtocol.T0)]
    [InlineData(PcscProtocols.T1, CardProtocol.T1)]
    [InlineData(PcscProtocols.Raw, CardProtocol.Raw)]
    public void Transmit_sends_with_the_pci_of_the_active_protocol(PcscProtocols active, CardProtocol expected)
    {
        PcscProtocols? sentWith = null;
        byte[]? sent = null;
        SetupTransmit((protocol, command, receive) =>
        {
            sentWith = protocol;
            sent = command;
            receive[0] = 0x90;
            receive[1] = 0x00;
            return (PcscError.Success, 2);
        });
        using var card = Card(active);

        var response = card.Transmit([0x00, 0xA4, 0x04, 0x00]);

        Assert.Equal(expected, card.Protocol);
        Assert.Equal(active, sentWith);
        Assert.Equal([0x00, 0xA4, 0x04, 0x00], sent);
        Assert.Equal([0x90, 0x00], response);
    }

    [Fact]
    public void A_command_is_copied_once_into_a_pooled_array_that_is_wiped_after_the_call()
    {
        byte[] command = ExtendedUpdateBinary(60_000);
        bool sameBytes = false;
        byte[]? passed = null;
        SetupSilentTransmit((c, n) =>
        {
            sameBytes = c.AsSpan(0, n).SequenceEqual(command);
            passed = c;
        });
        using var card = Card(PcscProtocols.T1);
        card.Transmit(command); // the first call sizes the receive buffer and the pool

        long before = GC.GetAllocatedBytesForCurrentThread();
        byte[] response = card.Transmit(command);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal([0x90, 0x00], response);
        Assert.True(sameBytes, "the native call did not get the command's bytes");
        Assert.True(allocated < command.Length / 2, $"{allocated} bytes allocated for a {command.Length}-byte command");
        Assert.All(passed!.Take(command.Length), b => Assert.Equal(0, b));
    }

    [Fact]
    public void Through_the_apdu_pipeline_the_encoding_is_the_only_array_of_the_commands_size()
    {
        // scc apdu's path: ApduPipeline encodes the command (the caller's bytes), PcscCard passes them to the native call.
        var apdu = CommandApdu.Parse(ExtendedUpdateBinary(60_000));
        int encoded = apdu.EncodedLength;
        SetupSilentTransmit((c, n) => Assert.Equal(encoded, n));
        using var card = Card(PcscProtocols.T1);
        var pipeline = new Iso7816.Pipeline.ApduPipeline(card, new Iso7816.Pipeline.ApduPipelineOptions { CommandChaining = false });
        pipeline.Transmit(apdu);

        long before = GC.GetAllocatedBytesForCurrentThread();
        pipeline.Transmit(apdu);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.InRange(allocated, encoded, encoded + encoded / 2);
    }

    [Fact]
    public void Transmit_receives_into_a_buffer_large_enough_for_extended_responses()
    {
        var received = 0;
        SetupTransmit((_, _, receive) =>
        {
            received = receive.Length;
            return (PcscError.Success, 65538);
        });
        using var card = Card(PcscProtocols.T1);

        Assert.Equal(65538, card.Transmit([0x00, 0xB0, 0x00, 0x00, 0x00, 0x00, 0x00]).Length);
        Assert.True(received >= 65538);
    }

    [Fact]
    public void A_binding_that_reports_more_bytes_than_the_buffer_holds_is_refused()
    {
        SetupTransmit((_, _, receive) => (PcscError.Success, receive.Length + 1));
        using var card = Card(PcscProtocols.T1);

        var exception = Assert.Throws<InvalidOperationException>(() => card.Transmit([0x00, 0xA4, 0x04, 0x00]));

        Assert.Contains($"into a buffer of {PcscCard.ReceiveBufferSize}", exception.Message);
    }

    [Theory]
    [InlineData(PcscError.RemovedCard, typeof(CardRemovedException))]
    [InlineData(PcscError.NoSmartCard, typeof(CardRemovedException))]
    [InlineData(PcscError.ResetCard, typeof(PcscCardResetException))]
    [InlineData(PcscError.ReaderUnavailable, typeof(ReaderUnavailableException))]
    [InlineData(PcscError.UnknownReader, typeof(ReaderUnavailableException))]
    [InlineData(PcscError.NotTransacted, typeof(CardCommunicationException))]
    public void Transmit_failures_surface_as_typed_exceptions(PcscError error, Type expected)
    {
        SetupTransmit((_, _, _) => (error, 0));
        using var card = Card(PcscProtocols.T1);

        var exception = Record.Exception(() => card.Transmit([0x00, 0xA4, 0x04, 0x00]));

        Assert.IsType(expected, exception);
        Assert.Contains("'R1'", exception.Message);
        Assert.Equal((long)(uint)error, ((SmartCardException)exception).NativeErrorCode);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void A_short_answer_from_a_card_that_left_is_card_removed(int length)
    {
        SetupTransmit((_, _, receive) =>
        {
            receive[0] = 0x90;
            return (PcscError.Success, length);
        });
        // pcscd notices the removal at its next presence poll: present at first, then SCARD_W_REMOVED_CARD.
        var present = new PcscCardStatus(["R1"], PcscCardState.Present | PcscCardState.Powered, PcscProtocols.T1, new byte[] { 0x3B });
        var calls = 0;
        _api.Setup(a => a.Status(CardHandle, out present))
            .Returns(() => ++calls < 3 ? PcscError.Success : PcscError.RemovedCard);
        using var card = Card(PcscProtocols.T1);
        card.RemovalCheckTimeout = TimeSpan.FromSeconds(30);

        var exception = Record.Exception(() => card.Transmit([0x00, 0xA4, 0x04, 0x00]));

        Assert.IsType<CardRemovedException>(exception);
        Assert.Equal("reader 'R1': the card was removed during the command", exception.Message);
        Assert.Equal(3, calls);
    }

    [Fact]
    public void An_empty_answer_with_the_reader_reporting_no_card_is_card_removed()
    {
        SetupTransmit((_, _, _) => (PcscError.Success, 0));
        var absent = new PcscCardStatus(["R1"], PcscCardState.Absent, PcscProtocols.None, ReadOnlyMemory<byte>.Empty);
        _api.Setup(a => a.Status(CardHandle, out absent)).Returns(PcscError.Success);
        using var card = Card(PcscProtocols.T1);

        Assert.Throws<CardRemovedException>(() => card.Transmit([0x00, 0xA4, 0x04, 0x00]));
    }

    [Theory]
    [InlineData(0, "reader 'R1': the reader returned no response")]
    [InlineData(1, "reader 'R1': the reader returned 1 byte (6A), not a response")]
    public void A_short_answer_from_a_card_still_there_is_a_communication_failure(int length, string message)
    {
        SetupTransmit((_, _, receive) =>
        {
            receive[0] = 0x6A;
            return (PcscError.Success, length);
        });
        var present = new PcscCardStatus(["R1"], PcscCardState.Present | PcscCardState.Powered, PcscProtocols.T1, new byte[] { 0x3B });
        _api.Setup(a => a.Status(CardHandle, out present)).Returns(PcscError.Success);
        using var card = Card(PcscProtocols.T1);
        // Long enough that the first status check (Moq's first call included) surely ends before the deadline, so a
        // second one follows 100 ms later.
        card.RemovalCheckTimeout = TimeSpan.FromSeconds(1);

        var exception = Record.Exception(() => card.Transmit([0x00, 0xA4, 0x04, 0x00]));

        Assert.IsType<CardCommunicationException>(exception);
        Assert.Equal(message, exception.Message);
        // Watched more than once before settling on "no response".
        _api.Verify(a => a.Status(CardHandle, out present), Times.AtLeast(2));
    }

    [Fact]
    public void With_no_wait_the_status_is_checked_once()
    {
        SetupTransmit((_, _, _) => (PcscError.Success, 0));
        var present = new PcscCardStatus(["R1"], PcscCardState.Present, PcscProtocols.T1, new byte[] { 0x3B });
        _api.Setup(a => a.Status(CardHandle, out present)).Returns(PcscError.Success);
        using var card = Card(PcscProtocols.T1);
        card.RemovalCheckTimeout = TimeSpan.Zero;

        Assert.Throws<CardCommunicationException>(() => card.Transmit([0x00, 0xA4, 0x04, 0x00]));
        _api.Verify(a => a.Status(CardHandle, out present), Times.Once);
        Assert.Throws<ArgumentOutOfRangeException>(() => card.RemovalCheckTimeout = TimeSpan.FromSeconds(-1));
    }

    [Fact]
    public void An_empty_answer_from_a_reader_that_went_away_reports_the_reader()
    {
        SetupTransmit((_, _, _) => (PcscError.Success, 0));
        var none = new PcscCardStatus([], PcscCardState.None, PcscProtocols.None, ReadOnlyMemory<byte>.Empty);
        _api.Setup(a => a.Status(CardHandle, out none)).Returns(PcscError.ReaderUnavailable);
        using var card = Card(PcscProtocols.T1);

        var exception = Record.Exception(() => card.Transmit([0x00, 0xA4, 0x04, 0x00]));

        Assert.IsType<ReaderUnavailableException>(exception);
        Assert.Contains("[SCARD_E_READER_UNAVAILABLE]", exception.Message);
    }

    [Fact]
    public void A_two_byte_answer_is_returned_without_asking_for_the_status()
    {
        SetupTransmit((_, _, receive) =>
        {
            receive[0] = 0x6A;
            receive[1] = 0x82;
            return (PcscError.Success, 2);
        });
        using var card = Card(PcscProtocols.T1);

        Assert.Equal([0x6A, 0x82], card.Transmit([0x00, 0xA4, 0x04, 0x00]));
        _api.Verify(a => a.Status(It.IsAny<nint>(), out It.Ref<PcscCardStatus>.IsAny), Times.Never);
    }

    [Fact]
    public void A_transaction_ends_exactly_once()
    {
        _api.Setup(a => a.BeginTransaction(CardHandle)).Returns(PcscError.Success);
        _api.Setup(a => a.EndTransaction(CardHandle, It.IsAny<PcscDisposition>())).Returns(PcscError.Success);
        using var card = Card(PcscProtocols.T1);

        var transaction = card.BeginTransaction();
        transaction.End(PcscDisposition.Reset);
        transaction.Dispose();
        transaction.Dispose();

        Assert.True(transaction.IsEnded);
        _api.Verify(a => a.EndTransaction(CardHandle, It.IsAny<PcscDisposition>()), Times.Once);
        _api.Verify(a => a.EndTransaction(CardHandle, PcscDisposition.Reset), Times.Once);
    }

    [Fact]
    public void Disposing_a_transaction_leaves_the_card_and_swallows_a_removed_card()
    {
        _api.Setup(a => a.BeginTransaction(CardHandle)).Returns(PcscError.Success);
        _api.Setup(a => a.EndTransaction(CardHandle, PcscDisposition.Leave)).Returns(PcscError.RemovedCard);
        using var card = Card(PcscProtocols.T1);

        using (card.BeginTransaction())
        {
        }

        _api.Verify(a => a.EndTransaction(CardHandle, PcscDisposition.Leave), Times.Once);
    }

    [Fact]
    public void Get_attribute_sizes_the_buffer_and_survives_a_growing_value()
    {
        var value = "Virtual"u8.ToArray();
        var sizes = new List<int>();
        _api.Setup(a => a.GetAttrib(CardHandle, (uint)PcscAttribute.VendorName, It.IsAny<byte[]?>(), ref It.Ref<int>.IsAny))
            .Returns(new AttribCall((nint _, uint _, byte[]? buffer, ref int length) =>
            {
                sizes.Add(buffer?.Length ?? 0);
                if (buffer is not null && sizes.Count == 2)
                {
                    // The value changed between the length query and the read.
                    value = "Virtual PCD"u8.ToArray();
                }

                if (buffer is null || length < value.Length)
                {
                    length = value.Length;
                    return buffer is null ? PcscError.Success : PcscError.InsufficientBuffer;
                }

                value.CopyTo(buffer, 0);
                length = value.Length;
                return PcscError.Success;
            }));
        using var card = Card(PcscProtocols.T1);

        Assert.Equal("Virtual PCD"u8.ToArray(), card.GetAttribute(PcscAttribute.VendorName));
        Assert.Equal([0, 7, 11], sizes);
    }

    [Fact]
    public void Get_attribute_errors_are_typed()
    {
        _api.Setup(a => a.GetAttrib(CardHandle, It.IsAny<uint>(), It.IsAny<byte[]?>(), ref It.Ref<int>.IsAny))
            .Returns(PcscError.Unexpected);
        using var card = Card(PcscProtocols.T1);

        var exception = Assert.Throws<PcscException>(() => card.GetAttribute(PcscAttribute.AtrString));
        Assert.Equal(PcscError.Unexpected, exception.ErrorCode);
    }

    [Fact]
    public void Status_is_reported_as_is()
    {
        var status = new PcscCardStatus(["R1"], PcscCardState.Present | PcscCardState.Powered, PcscProtocols.T0,
            new byte[] { 0x3B });
        _api.Setup(a => a.Status(CardHandle, out status)).Returns(PcscError.Success);
        using var card = Card(PcscProtocols.T0);

        var reported = card.GetStatus();

        Assert.Equal("R1", reported.ReaderName);
        Assert.Equal(PcscCardState.Present | PcscCardState.Powered, reported.State);
        Assert.Equal(PcscProtocols.T0, reported.Protocol);
    }

    [Fact]
    public void Reconnect_updates_protocol_share_mode_and_atr()
    {
        var active = PcscProtocols.T0;
        _api.Setup(a => a.Reconnect(CardHandle, PcscShareMode.Exclusive, PcscProtocols.Any, PcscDisposition.Reset,
            out active)).Returns(PcscError.Success);
        var status = new PcscCardStatus(["R1"], PcscCardState.Present, PcscProtocols.T0, new byte[] { 0x3B, 0x99 });
        _api.Setup(a => a.Status(CardHandle, out status)).Returns(PcscError.Success);
        using var card = Card(PcscProtocols.T1);

        card.Reconnect(PcscShareMode.Exclusive, PcscProtocols.Any, PcscDisposition.Reset);

        Assert.Equal(CardProtocol.T0, card.Protocol);
        Assert.Equal(PcscShareMode.Exclusive, card.ShareMode);
        Assert.Equal([0x3B, 0x99], card.Atr.ToArray());
    }

    [Fact]
    public void Dispose_disconnects_once_leaving_the_card_and_later_use_is_refused()
    {
        var card = Card(PcscProtocols.T1);

        card.Dispose();
        card.Dispose();
        card.Disconnect(PcscDisposition.Unpower);

        _api.Verify(a => a.Disconnect(CardHandle, PcscDisposition.Leave), Times.Once);
        _api.Verify(a => a.Disconnect(CardHandle, It.IsAny<PcscDisposition>()), Times.Once);
        Assert.Throws<ObjectDisposedException>(() => card.Transmit([0x00]));
    }

    [Fact]
    public void Disconnect_with_a_disposition_passes_it_on()
    {
        var card = Card(PcscProtocols.T1);

        card.Disconnect(PcscDisposition.Unpower);

        _api.Verify(a => a.Disconnect(CardHandle, PcscDisposition.Unpower), Times.Once);
    }

    private PcscCard Card(PcscProtocols active) =>
        new(_api.Object, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, CardHandle, "R1",
            PcscShareMode.Shared, active, [0x3B, 0x88]);

    /// <summary>UPDATE BINARY with extended Lc and <paramref name="dataLength"/> bytes of data.</summary>
    private static byte[] ExtendedUpdateBinary(int dataLength)
    {
        var command = new byte[7 + dataLength];
        command[1] = 0xD6;
        command[5] = (byte)(dataLength >> 8);
        command[6] = (byte)dataLength;
        for (var i = 7; i < command.Length; i++)
        {
            command[i] = (byte)(i * 31);
        }

        return command;
    }

    /// <summary>Answers 9000 after <paramref name="look"/> sees the array passed and its length, copying nothing.</summary>
    private void SetupSilentTransmit(Action<byte[], int> look) =>
        _api.Setup(a => a.Transmit(CardHandle, It.IsAny<PcscProtocols>(), It.IsAny<byte[]>(), It.IsAny<int>(),
                It.IsAny<byte[]>(), out It.Ref<int>.IsAny))
            .Returns(new TransmitCall((nint _, PcscProtocols _, byte[] c, int n, byte[] r, out int received) =>
            {
                look(c, n);
                r[0] = 0x90;
                r[1] = 0x00;
                received = 2;
                return PcscError.Success;
            }));

    private void SetupTransmit(Func<PcscProtocols, byte[], byte[], (PcscError Result, int Received)> behaviour) =>
        _api.Setup(a => a.Transmit(CardHandle, It.IsAny<PcscProtocols>(), It.IsAny<byte[]>(), It.IsAny<int>(),
                It.IsAny<byte[]>(), out It.Ref<int>.IsAny))
            .Returns(new TransmitCall((nint _, PcscProtocols p, byte[] c, int n, byte[] r, out int received) =>
            {
                var (result, count) = behaviour(p, c.AsSpan(0, n).ToArray(), r);
                received = count;
                return result;
            }));
}
