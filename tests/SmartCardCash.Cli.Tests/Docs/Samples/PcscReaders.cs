using Microsoft.Extensions.Logging;
using SmartCardCash.Pcsc;
using SmartCardCash.Pcsc.Interop;
using SmartCardCash.Pcsc.Monitoring;

namespace SmartCardCash.Cli.Tests.Docs.Samples;

/// <summary>
/// Pcsc's README samples, run by <see cref="PcscReadersTests"/> over a fake PC/SC service: they take the
/// <see cref="IPcscApi"/> seam, where a program would take the platform's (the overloads without one).
/// </summary>
internal static class PcscReaders
{
    public static (byte[] Response, byte[] Vendor) ListAndConnect(IPcscApi api, TextWriter output, string readerName, byte[] commandApdu)
    {
        // <readers>
        using PcscContext context = PcscContext.Establish(api);     // Establish(): the platform's; CardServiceUnavailableException if pcscd is down
        foreach (PcscReaderStatus reader in context.GetReaderStates())   // name, SCARD_STATE_* flags, ATR
        {
            output.WriteLine($"{reader.ReaderName} {(reader.IsCardPresent ? Convert.ToHexString(reader.Atr.Span) : "empty")}");
        }

        using PcscCard card = context.Connect(readerName);         // Shared, T=0 or T=1
        byte[] response = card.Transmit(commandApdu);              // ICardChannel: one APDU, PCI of the active protocol
        using (card.BeginTransaction())
        {
            response = card.Transmit(commandApdu);                 // several APDUs nobody else interleaves with
        }
        byte[] vendor = card.GetAttribute(PcscAttribute.VendorName);
        // </readers>
        return (response, vendor);
    }

    /// <param name="whileWatching">Runs once the monitor has started; the monitor stops when it returns.</param>
    public static void Watch(IPcscApi api, ILogger logger, TextWriter output, Action whileWatching)
    {
        // <monitor>
        using var monitor = new PcscMonitor(api, logger: logger);   // new PcscMonitor(logger: logger): the platform's
        monitor.ReaderAttached += (_, e) => output.WriteLine($"reader {e.ReaderName} attached ({e.Cause})");
        monitor.CardInserted += (_, e) => output.WriteLine($"card in {e.ReaderName}: {Convert.ToHexString(e.Atr.Span)} ({e.Cause})");
        monitor.CardRemoved += (_, e) => output.WriteLine($"card out of {e.ReaderName}");
        monitor.ReaderDetached += (_, e) => output.WriteLine($"reader {e.ReaderName} detached");
        monitor.ServiceUnavailable += (_, e) => output.WriteLine($"PC/SC is down: {e.Error?.Message}");
        monitor.ServiceAvailable += (_, _) => output.WriteLine("PC/SC is back");
        monitor.MonitorError += (_, e) => output.WriteLine($"monitor: {e.Exception.Message}");
        monitor.Start();                                            // raises attached/inserted for what is already there
        // </monitor>
        whileWatching();
    }
}
