using SmartCardCash.CardAccess;
using SmartCardCash.Emulator.Images;
using SmartCardCash.Emulator.Vpcd;
using SmartCardCash.Pcsc;

namespace SmartCardCash.Bench.Payments;

/// <summary>
/// alice's and bob's images attached with the vpcd bridge to "Virtual PCD 00 00" and "00 01" of a pcscd, both cards
/// connected through PC/SC (<see cref="PcscCardSource"/>: SCardConnect, a transaction held, SCardTransmit) as
/// <c>scc pay --from "pcsc:Virtual PCD 00 00" --to "pcsc:Virtual PCD 00 01"</c> connects them, and a
/// <see cref="PaymentLoop"/> over them. Disposing disconnects, detaches the cards and saves their images.
/// </summary>
public sealed class PcscdPaymentRig : IDisposable
{
    public const string ReaderSlot0 = "Virtual PCD 00 00";
    public const string ReaderSlot1 = "Virtual PCD 00 01";

    private static readonly TimeSpan CardsPatience = TimeSpan.FromSeconds(20);

    private readonly VpcdAttachment _attachment;
    private readonly List<IDisposable> _channels = [];

    public PcscdPaymentRig(string home, BenchPurses purses, BenchPcscd pcscd)
    {
        EmulatedCardStore store = EmulatedCardStore.ForHome(home);
        _attachment = new VpcdAttachment(basePort: pcscd.VpcdPort);
        try
        {
            var watches = new Dictionary<int, SaveWatch>();
            // The bridge raises this after the card answered (and saved), before the answer goes out.
            _attachment.ApduExchanged += (_, e) =>
            {
                if (watches.TryGetValue(e.Slot, out SaveWatch? watch))
                {
                    watch.Observe();
                }
            };
            foreach ((int slot, string name) in new[] { (0, "alice"), (1, "bob") })
            {
                StoredCard card = store.OpenStored(name);
                watches[slot] = new SaveWatch(card);
                try
                {
                    _attachment.Attach(slot, card);
                }
                catch
                {
                    card.Dispose();
                    throw;
                }
            }
            WaitForCards();
            var source = new PcscCardSource();
            var alice = new TimedChannel(source.Connect(ReaderSlot0));
            _channels.Add(alice);
            var bob = new TimedChannel(source.Connect(ReaderSlot1));
            _channels.Add(bob);
            Loop = new PaymentLoop(purses, alice, bob, [watches[0], watches[1]]);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public PaymentLoop Loop { get; } = null!;

    public void Dispose()
    {
        foreach (IDisposable channel in _channels)
        {
            channel.Dispose();
        }
        _channels.Clear();
        _attachment.Dispose();
    }

    /// <summary>pcscd notices a new vpcd card at its next presence poll (about every 400 ms).</summary>
    private static void WaitForCards()
    {
        DateTime deadline = DateTime.UtcNow + CardsPatience;
        while (true)
        {
            using (PcscContext context = PcscContext.Establish())
            {
                IReadOnlyList<PcscReaderStatus> states = context.GetReaderStates();
                if (states.Any(r => r.ReaderName == ReaderSlot0 && r.IsCardPresent) &&
                    states.Any(r => r.ReaderName == ReaderSlot1 && r.IsCardPresent))
                {
                    return;
                }
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"pcscd did not list both cards within {CardsPatience.TotalSeconds:0} s");
            }
            Thread.Sleep(100);
        }
    }
}
