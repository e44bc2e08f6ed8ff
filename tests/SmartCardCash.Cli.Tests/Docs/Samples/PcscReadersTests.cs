using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using SmartCardCash.Cli.Tests.Support;
using SmartCardCash.Pcsc;
using SmartCardCash.Pcsc.Testing;

namespace SmartCardCash.Cli.Tests.Docs.Samples;

/// <summary>Pcsc's README samples list readers, talk to a card and follow readers and cards as they come and go.</summary>
public sealed class PcscReadersTests
{
    private static readonly byte[] Atr = [0x3B, 0x88, 0x80, 0x01];
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private delegate PcscError AttribCall(nint card, uint attribute, byte[]? buffer, ref int length);

    [Fact]
    public void The_readers_sample_lists_readers_then_sends_apdus_alone_and_in_a_transaction()
    {
        var service = new FakePcscService();
        var card = new FakeCard(Atr) { Handler = _ => [0x6A, 0x82] };
        service.AddReader("Reader A", card);
        service.AddReader("Reader B");
        service.Mock.Setup(a => a.GetAttrib(It.IsAny<nint>(), (uint)PcscAttribute.VendorName, It.IsAny<byte[]?>(), ref It.Ref<int>.IsAny))
            .Returns(new AttribCall((nint _, uint _, byte[]? buffer, ref int length) =>
            {
                byte[] vendor = "Vendor"u8.ToArray();
                vendor.AsSpan(0, buffer is null ? 0 : vendor.Length).CopyTo(buffer);
                length = vendor.Length;
                return PcscError.Success;
            }));
        var output = new StringWriter { NewLine = "\n" };

        (byte[] response, byte[] vendor) = PcscReaders.ListAndConnect(service.Api, output, "Reader A", [0x00, 0xA4, 0x04, 0x00, 0x00]);

        Assert.Equal("Reader A 3B888001\nReader B empty\n", output.ToString());
        Assert.Equal([0x6A, 0x82], response);
        Assert.Equal("Vendor"u8.ToArray(), vendor);
        Assert.Equal(["00A4040000", "00A4040000"], card.Sent);
        Assert.Equal(1, card.TransactionCount);
        Assert.Equal(1, card.EndedTransactionCount);
        Assert.Equal(0, service.OpenConnections);
    }

    [Fact]
    public void The_monitor_sample_reports_what_is_there_then_every_change()
    {
        var service = new FakePcscService();
        service.AddReader("Reader A", Atr);
        var lines = new ConcurrentQueue<string>();     // the monitor's thread writes, this one reads
        using var output = new ObservedStringWriter(lines.Enqueue);
        bool Shows(string line) => lines.Contains(line);

        PcscReaders.Watch(service.Api, NullLogger.Instance, output, () =>
        {
            Assert.True(LoopbackVpcd.WaitFor(() => Shows("card in Reader A: 3B888001 (MonitorStarted)"), Patience), string.Join('\n', lines));
            service.RemoveCard("Reader A");
            Assert.True(LoopbackVpcd.WaitFor(() => Shows("card out of Reader A"), Patience), string.Join('\n', lines));
            service.StopService();
            Assert.True(LoopbackVpcd.WaitFor(() => Shows("reader Reader A detached"), Patience), string.Join('\n', lines));
        });

        string[] shown = [.. lines];
        Assert.Equal(["reader Reader A attached (MonitorStarted)", "card in Reader A: 3B888001 (MonitorStarted)", "card out of Reader A"], shown[..3]);
        Assert.StartsWith("PC/SC is down: ", shown[3]);
        Assert.Equal("reader Reader A detached", shown[4]);
    }
}
