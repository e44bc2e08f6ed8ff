using System.Diagnostics;
using SmartCardCash.Iso7816.Errors;
using SmartCardCash.Pcsc;

namespace SmartCardCash.Emulator.Vpcd.Tests.Integration;

/// <summary>What a PC/SC program sees of the private pcscd, asked afresh each time (so it survives restarts).</summary>
internal static class PcscReaders
{
    /// <summary>The readers now, or an empty list while the service is down.</summary>
    public static IReadOnlyList<PcscReaderStatus> Snapshot()
    {
        try
        {
            using PcscContext context = PcscContext.Establish();
            return context.GetReaderStates();
        }
        catch (SmartCardException)
        {
            return [];
        }
    }

    public static PcscReaderStatus? Find(IReadOnlyList<PcscReaderStatus> readers, string name) =>
        readers.FirstOrDefault(reader => reader.ReaderName == name);

    public static bool HasCard(IReadOnlyList<PcscReaderStatus> readers, string name) => Find(readers, name) is { IsCardPresent: true };

    /// <summary>Waits until the readers satisfy <paramref name="condition"/>; returns that snapshot.</summary>
    public static async Task<IReadOnlyList<PcscReaderStatus>> WaitAsync(Func<IReadOnlyList<PcscReaderStatus>, bool> condition,
        string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            IReadOnlyList<PcscReaderStatus> readers = Snapshot();
            if (condition(readers))
            {
                return readers;
            }
            if (clock.Elapsed > Eventually.Patience)
            {
                string seen = string.Join("; ", readers.Select(r => $"{r.ReaderName}: {r.State} {Convert.ToHexString(r.Atr.Span)}"));
                throw new TimeoutException($"{what} did not happen within {Eventually.Patience.TotalSeconds:0} s (readers: {seen})");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Connects to the card in <paramref name="reader"/>, retrying while pcscd is still bringing it up.</summary>
    public static async Task<PcscCard> ConnectAsync(PcscContext context, string reader)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return context.Connect(reader);
            }
            catch (SmartCardException) when (clock.Elapsed < Eventually.Patience)
            {
                await Task.Delay(100);
            }
        }
    }

    public static ResponseApdu Send(this PcscCard card, string hex) => ResponseApdu.Parse(card.Transmit(Hex.Decode(hex)));
}
