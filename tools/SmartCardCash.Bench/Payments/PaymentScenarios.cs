using SmartCardCash.CardAccess;
using SmartCardCash.Emulator;
using SmartCardCash.Emulator.Images;
using SmartCardCash.Pcsc;

namespace SmartCardCash.Bench.Payments;

/// <summary>
/// The same payment three ways: emulated cards in memory, in process (the applet, its crypto and the coordinator);
/// card images in process (plus an image save, with fsync, after every command that changes a card); and those images
/// attached to vpcd readers and reached through pcscd with <see cref="PcscCard"/>, that is SCardTransmit (plus pcscd,
/// vpcd and the bridge's socket).
/// </summary>
public static class PaymentScenarios
{
    public static PaymentStatistics InMemory(int warmup, int count)
    {
        EmulatedCard bank = EmulatedCardStore.CreateInMemoryPurseCard(InterfaceProfile.ContactT1);
        EmulatedCard alice = EmulatedCardStore.CreateInMemoryPurseCard(InterfaceProfile.ContactT1);
        EmulatedCard bob = EmulatedCardStore.CreateInMemoryPurseCard(InterfaceProfile.ContactT1);
        using var aliceChannel = new TimedChannel(alice.OpenChannel("alice", powerOffOnDispose: false));
        using var bobChannel = new TimedChannel(bob.OpenChannel("bob", powerOffOnDispose: false));
        BenchPurses purses = BenchPurses.Prepare(bank.OpenChannel("bank", powerOffOnDispose: false), aliceChannel, bobChannel);
        var loop = new PaymentLoop(purses, aliceChannel, bobChannel, []);
        return Measure("in process, cards in memory", loop, warmup, count);
    }

    /// <summary>Creates alice and bob (and the bank) as card images under <paramref name="home"/>, personalised and loaded.</summary>
    public static BenchPurses CreateImages(string home)
    {
        EmulatedCardStore store = EmulatedCardStore.ForHome(home);
        using CardConnection bank = store.CreatePurseCard("bank", InterfaceProfile.ContactT1);
        using CardConnection alice = store.CreatePurseCard("alice", InterfaceProfile.ContactT1);
        using CardConnection bob = store.CreatePurseCard("bob", InterfaceProfile.ContactT1);
        return BenchPurses.Prepare(bank.Channel, alice.Channel, bob.Channel);
    }

    public static PaymentStatistics StoredInProcess(string home, BenchPurses purses, int warmup, int count)
    {
        EmulatedCardStore store = EmulatedCardStore.ForHome(home);
        using StoredCard alice = store.OpenStored("alice");
        using StoredCard bob = store.OpenStored("bob");
        var aliceSaves = new SaveWatch(alice);
        var bobSaves = new SaveWatch(bob);
        using var aliceChannel = new TimedChannel(alice.OpenChannel(powerOffOnDispose: false), aliceSaves.Observe);
        using var bobChannel = new TimedChannel(bob.OpenChannel(powerOffOnDispose: false), bobSaves.Observe);
        var loop = new PaymentLoop(purses, aliceChannel, bobChannel, [aliceSaves, bobSaves]);
        return Measure("in process, card images (saved after each change)", loop, warmup, count);
    }

    /// <summary>Attaches the images to "Virtual PCD 00 00" and "00 01" of <paramref name="pcscd"/> and pays through PC/SC.</summary>
    public static PaymentStatistics ThroughPcscd(string home, BenchPurses purses, BenchPcscd pcscd, int warmup, int count)
    {
        using var rig = new PcscdPaymentRig(home, purses, pcscd);
        return Measure("through pcscd (PcscCard, SCardTransmit; vpcd; card images)", rig.Loop, warmup, count);
    }

    private static PaymentStatistics Measure(string scenario, PaymentLoop loop, int warmup, int count)
    {
        (uint aliceBefore, uint bobBefore) = loop.Balances();
        IReadOnlyList<PaymentSample> samples = loop.Run(warmup, count);
        (uint aliceAfter, uint bobAfter) = loop.Balances();
        // Every payment completed and an even number of them leaves both balances as they were: checked, not assumed.
        long expectedShift = (warmup + count) % 2 == 0 ? 0 : BenchPurses.Amount;
        if (aliceAfter + bobAfter != aliceBefore + bobBefore || (long)aliceBefore - aliceAfter != expectedShift)
        {
            throw new InvalidOperationException(
                $"balances do not add up: alice {aliceBefore} → {aliceAfter}, bob {bobBefore} → {bobAfter}");
        }
        return PaymentStatistics.Of(scenario, samples);
    }
}
