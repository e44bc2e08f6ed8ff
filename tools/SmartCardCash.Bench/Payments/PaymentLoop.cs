using System.Diagnostics;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Payments;

namespace SmartCardCash.Bench.Payments;

/// <summary>
/// Runs full coordinator payments between two purses, alternating direction (alice → bob, bob → alice), and measures
/// each. Every payment must complete; anything else stops the benchmark, since it would be measuring a failure.
/// </summary>
public sealed class PaymentLoop(BenchPurses purses, TimedChannel aliceChannel, TimedChannel bobChannel,
    IReadOnlyList<SaveWatch> saves)
{
    private readonly PurseCard _alice = PurseCard.Open(aliceChannel, "alice");
    private readonly PurseCard _bob = PurseCard.Open(bobChannel, "bob");
    private readonly PaymentCoordinator _coordinator = new();
    private long _paid;

    /// <summary>One payment, the next in the alternation.</summary>
    public PaymentSample PayOnce()
    {
        (PurseCard payer, PurseCard payee) = _paid % 2 == 0 ? (_alice, _bob) : (_bob, _alice);
        long commands = aliceChannel.Commands + bobChannel.Commands;
        TimeSpan transmit = aliceChannel.InTransmit + bobChannel.InTransmit;
        int saveCount = saves.Sum(s => s.Saves);
        TimeSpan saveTime = Sum(saves);
        long started = Stopwatch.GetTimestamp();
        PaymentOutcome outcome = _coordinator.Pay(payer, payee, BenchPurses.Request, purses.Policy);
        TimeSpan total = Stopwatch.GetElapsedTime(started);
        if (outcome.Kind != PaymentOutcomeKind.Completed)
        {
            throw new InvalidOperationException($"payment {_paid + 1} did not complete: {outcome.Kind}: {outcome.Summary}");
        }
        _paid++;
        return new PaymentSample(total,
            aliceChannel.InTransmit + bobChannel.InTransmit - transmit,
            Sum(saves) - saveTime,
            (int)(aliceChannel.Commands + bobChannel.Commands - commands),
            saves.Sum(s => s.Saves) - saveCount);
    }

    /// <summary><paramref name="warmup"/> payments unmeasured, then <paramref name="count"/> measured (an even total
    /// leaves the balances as they were).</summary>
    public IReadOnlyList<PaymentSample> Run(int warmup, int count)
    {
        for (int i = 0; i < warmup; i++)
        {
            PayOnce();
        }
        var samples = new List<PaymentSample>(count);
        for (int i = 0; i < count; i++)
        {
            samples.Add(PayOnce());
        }
        return samples;
    }

    /// <summary>Both balances, read through the same channels.</summary>
    public (uint Alice, uint Bob) Balances() => (BenchPurses.Balance(_alice), BenchPurses.Balance(_bob));

    private static TimeSpan Sum(IReadOnlyList<SaveWatch> saves) =>
        saves.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Total);
}
