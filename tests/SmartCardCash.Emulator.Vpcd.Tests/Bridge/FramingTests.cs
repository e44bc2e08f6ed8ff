namespace SmartCardCash.Emulator.Vpcd.Tests.Bridge;

public sealed class FramingTests
{
    [Fact]
    public async Task A_get_ATR_split_byte_by_byte_is_answered_once_it_is_complete()
    {
        using var vpcd = new FakeVpcd();
        await using VpcdBridge bridge = TestBridges.Start(TestCards.NewCard(new ProbeLog()), TestBridges.For(vpcd));
        using FakeVpcdConnection reader = await vpcd.AcceptAsync();

        byte[] atr = await reader.GetAtrAsync(byteByByte: true);

        Assert.Equal(AnswerToReset.For(InterfaceProfile.ContactT1), atr);
    }

    [Fact]
    public async Task A_command_split_byte_by_byte_reaches_the_card_whole()
    {
        using var vpcd = new FakeVpcd();
        await using VpcdBridge bridge = TestBridges.Start(TestCards.NewCard(new ProbeLog()), TestBridges.For(vpcd));
        using FakeVpcdConnection reader = await vpcd.AcceptPoweredAsync();
        byte[] data = Enumerable.Range(0, 40).Select(i => (byte)(i * 7)).ToArray();

        byte[]? select = await reader.TransmitAsync(Hex.Decode(CounterApplet.SelectHex), byteByByte: true);
        byte[]? echo = await reader.TransmitAsync([0x80, 0x30, 0x00, 0x00, (byte)data.Length, .. data, 0x00], byteByByte: true);

        Assert.Equal(new byte[] { 0x90, 0x00 }, select);
        Assert.Equal([.. data, 0x90, 0x00], echo);
    }

    [Fact]
    public async Task Frames_that_arrive_in_one_segment_are_answered_one_by_one_in_order()
    {
        using var vpcd = new FakeVpcd();
        await using VpcdBridge bridge = TestBridges.Start(TestCards.NewCard(new ProbeLog()), TestBridges.For(vpcd));
        using FakeVpcdConnection reader = await vpcd.AcceptAsync();
        byte[] select = Hex.Decode(CounterApplet.SelectHex);
        byte[] increment = Hex.Decode(TestCards.Increment);

        // power on, get ATR, SELECT, INCREMENT, INCREMENT: five frames in one write.
        byte[] merged =
        [
            0x00, 0x01, 0x01,
            0x00, 0x01, 0x04,
            0x00, (byte)select.Length, .. select,
            0x00, (byte)increment.Length, .. increment,
            0x00, (byte)increment.Length, .. increment,
        ];
        await reader.SendRawAsync(merged);

        Assert.Equal(AnswerToReset.For(InterfaceProfile.ContactT1), await reader.ReadFrameAsync());
        Assert.Equal(new byte[] { 0x90, 0x00 }, await reader.ReadFrameAsync());
        Assert.Equal(new byte[] { 0, 0, 0, 1, 0x90, 0x00 }, await reader.ReadFrameAsync());
        Assert.Equal(new byte[] { 0, 0, 0, 2, 0x90, 0x00 }, await reader.ReadFrameAsync());
    }

    [Fact]
    public async Task A_response_longer_than_255_bytes_uses_both_length_bytes()
    {
        using var vpcd = new FakeVpcd();
        await using VpcdBridge bridge = TestBridges.Start(TestCards.NewCard(new ProbeLog()), TestBridges.For(vpcd));
        using FakeVpcdConnection reader = await vpcd.AcceptPoweredAsync();
        await reader.SelectCounterAsync();
        byte[] data = Enumerable.Range(0, 255).Select(i => (byte)i).ToArray();

        byte[]? echo = await reader.TransmitAsync([0x80, 0x30, 0x00, 0x00, 0xFF, .. data, 0x00]);

        // 255 data bytes + SW: a 257-byte payload, length 01 01 on the wire.
        Assert.NotNull(echo);
        Assert.Equal(257, echo.Length);
        Assert.Equal([.. data, 0x90, 0x00], echo);
    }

    [Fact]
    public async Task A_connection_that_ends_inside_a_frame_is_a_lost_reader_and_the_bridge_reconnects()
    {
        using var vpcd = new FakeVpcd();
        await using VpcdBridge bridge = TestBridges.Start(TestCards.NewCard(new ProbeLog()), TestBridges.For(vpcd));
        using (FakeVpcdConnection reader = await vpcd.AcceptPoweredAsync())
        {
            // Announces 13 bytes, sends 3, then goes away.
            await reader.SendRawAsync([0x00, 0x0D, 0x00, 0xA4, 0x04]);
        }

        using FakeVpcdConnection again = await vpcd.AcceptAsync();

        Assert.Equal(AnswerToReset.For(InterfaceProfile.ContactT1), await again.GetAtrAsync());
        await Eventually.HoldsAsync(() => bridge.Statistics.Disconnects == 1, "the broken connection being counted");
        Assert.Equal(2, bridge.Statistics.Connects);
        Assert.Equal(0, bridge.Statistics.ApdusReceived);
    }
}
