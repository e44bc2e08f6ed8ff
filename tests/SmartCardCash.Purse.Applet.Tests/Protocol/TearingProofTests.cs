using System.Diagnostics;
using System.Globalization;
using SmartCardCash.Emulator.Memory;
using SmartCardCash.Iso7816.Errors;
using Xunit.Abstractions;

namespace SmartCardCash.Purse.Applet.Tests.Protocol;

/// <summary>
/// Spec 8.3 on the emulator's real non-volatile memory (redo journal, atomic commit record, recovery at power-up):
/// every command that writes is cut at every one of its physical writes — data writes keeping 0, 1 or half of their
/// bytes — and after power-up the purse's region is byte for byte the state before the command or after it, the
/// one the cut implies: before when the cut came before the commit record, after once the record was written. The
/// lock-code commands commit the spent try first (spec 5.16), so for them the state between is allowed too, and only
/// between the two commits. A data write is also cut leaving a garbage byte, and wherever the cut leaves a committed
/// journal, the recovery is cut again at each of its writes: the next power-up still converges. The host's view (FCI,
/// status, balances, pdAuth, RESUME, transaction log) agrees with the region.
/// </summary>
/// <remarks>
/// Random extras (a random case, write, number of bytes kept, a garbage byte, and a second power loss during the
/// recovery) run for <c>SCC_TEARING_BUDGET</c> seconds (default 2), at least <see cref="MinimumRandomRuns"/> of them;
/// the sequence is seeded, and a failure names the run's parameters.
/// </remarks>
public class TearingProofTests(ITestOutputHelper output)
{
    private const int MinimumRandomRuns = 40;
    private static readonly Dictionary<string, TearingReference> References = [];

    public static TheoryData<string> CaseNames => [.. TearingCases.All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void A_power_loss_at_any_write_leaves_exactly_the_state_before_or_after(string name)
    {
        TearingCase tearingCase = TearingCases.Named(name);
        TearingReference reference = Reference(tearingCase);
        int runs = 0, recoveryRuns = 0;
        for (int i = 0; i < reference.Writes.Count; i++)
        {
            PersistentWrite write = reference.Writes[i];
            foreach (int kept in BytesKept(write))
            {
                AssertRecovers(tearingCase, reference, i, kept, garbage: null, recoveryTear: null);
                runs++;
            }
            if (!write.IsAtomic && write.Length > 1)
            {
                // A cell caught half programmed.
                AssertRecovers(tearingCase, reference, i, write.Length / 2, garbage: 0xA5, recoveryTear: null);
                runs++;
            }
            // Where recovery has a committed journal to replay, lose the power again at each of its writes.
            for (int cut = 0; AssertRecovers(tearingCase, reference, i, write.Length / 2, garbage: null, recoveryTear: cut); cut++)
            {
                recoveryRuns++;
            }
        }
        output.WriteLine($"{name}: {reference.Writes.Count} writes, {reference.CommitRecordIndices.Count} commit(s), " +
            $"{runs} torn runs, {recoveryRuns} with a torn recovery");
        Assert.True(runs >= reference.Writes.Count);
    }

    [Fact]
    public void Random_tears_with_garbage_bytes_and_torn_recoveries_converge_to_before_or_after()
    {
        double budget = double.TryParse(Environment.GetEnvironmentVariable("SCC_TEARING_BUDGET"), NumberStyles.Float,
            CultureInfo.InvariantCulture, out double seconds) ? seconds : 2;
        var random = new Random(8_3);
        var clock = Stopwatch.StartNew();
        int runs = 0;
        while (runs < MinimumRandomRuns || clock.Elapsed.TotalSeconds < budget)
        {
            TearingCase tearingCase = TearingCases.All[random.Next(TearingCases.All.Count)];
            TearingReference reference = Reference(tearingCase);
            int index = random.Next(reference.Writes.Count);
            int kept = random.Next(reference.Writes[index].Length + 1);
            byte? garbage = random.Next(2) == 0 ? (byte)random.Next(256) : null;
            AssertRecovers(tearingCase, reference, index, kept, garbage, recoveryTear: random.Next(8));
            runs++;
        }
        output.WriteLine($"{runs} random torn runs in {clock.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public void Every_command_that_writes_has_a_case()
    {
        string[] expected =
        [
            "46", "DA01", "DA02", "DA03", "DA04", "44", "2A", "50", "52", "54", "56", "58", "5A", "B2", "20", "24", "28", "26",
            "40", "5E", "04", "E6", "2C",
        ];
        var covered = TearingCases.All.Select(c => c.Command.Ins == PurseInstruction.PutData
            ? $"{c.Command.Ins:X2}{c.Command.P2:X2}"
            : $"{c.Command.Ins:X2}").ToHashSet();
        Assert.Empty(expected.Except(covered));
        // ACTIVATE both ways, the aborts in each state, and the lock-code commands' two commits.
        Assert.Contains(TearingCases.All, c => c.Name == "ACTIVATE from BLOCKED");
        Assert.Equal(3, TearingCases.All.Count(c => c.Name.StartsWith("ABORT in", StringComparison.Ordinal)));
        Assert.Equal(4, TearingCases.All.Count(c => c.Between.Count == 1));
    }

    /// <summary>0, 1 and half of a data write's bytes; a commit record is atomic and tears whole.</summary>
    private static IEnumerable<int> BytesKept(PersistentWrite write) =>
        write.IsAtomic ? [0] : new[] { 0, Math.Min(1, write.Length), write.Length / 2 }.Distinct();

    private static TearingReference Reference(TearingCase tearingCase)
    {
        lock (References)
        {
            if (!References.TryGetValue(tearingCase.Name, out TearingReference? reference))
            {
                reference = RunUncut(tearingCase);
                References.Add(tearingCase.Name, reference);
            }
            return reference;
        }
    }

    private static TearingReference RunUncut(TearingCase tearingCase)
    {
        PurseCard card = PurseCard.FromImage(tearingCase.Before, tearingCase.Seed);
        byte[] before = card.ReadPersistentMemory();
        string beforeView = ReadView(card);
        card.PowerCycle();
        RunSession(card, tearingCase);

        var recorder = new RecordingTearingPlan();
        card.Emulated.Tearing = recorder;
        ResponseApdu response = card.Transmit(tearingCase.Command);
        card.Emulated.Tearing = TearingPlan.Never;
        Assert.True(response.StatusWord.Value == tearingCase.ExpectedSw,
            $"{tearingCase}: uncut, {tearingCase.Command} answered {response.StatusWord.ToDisplayString()}; expected {tearingCase.ExpectedSw:X4}");
        byte[] after = card.ReadPersistentMemory();
        Assert.False(after.AsSpan().SequenceEqual(before), $"{tearingCase}: the command changed nothing");

        int[] commits = [.. recorder.Writes.Select((w, i) => (w, i)).Where(x => x.w.Kind == PersistentWriteKind.CommitRecord).Select(x => x.i)];
        List<byte[]> states = [before, .. tearingCase.Between.Select(state => state(before)), after];
        // One transaction per command (spec 8.3); the lock-code commands commit the spent try first.
        Assert.True(commits.Length == states.Count - 1,
            $"{tearingCase}: {commits.Length} commits where {states.Count - 1} were expected");
        card.PowerCycle();
        return new TearingReference(recorder.Writes, commits, states, beforeView, ReadView(card));
    }

    /// <summary>Cuts the command at write <paramref name="index"/>, powers up (the first recovery cut at its write
    /// <paramref name="recoveryTear"/> if given) and checks the state. Returns whether the recovery was cut.</summary>
    private static bool AssertRecovers(TearingCase tearingCase, TearingReference reference, int index, int kept, byte? garbage,
        int? recoveryTear)
    {
        PersistentWrite write = reference.Writes[index];
        string run = $"{tearingCase}: cut at write {index} of {reference.Writes.Count} ({write.Kind}, {write.Length} bytes, " +
            $"{kept} kept{(garbage is byte g ? $", garbage {g:X2}" : "")}{(recoveryTear is int r ? $", recovery cut at write {r}" : "")})";
        PurseCard card = PurseCard.FromImage(tearingCase.Before, tearingCase.Seed);
        RunSession(card, tearingCase);

        card.Emulated.Tearing = TearingPlan.AtWrite(index, kept, garbage);
        Assert.Throws<CardRemovedException>(() => card.Transmit(tearingCase.Command));
        Assert.False(card.Emulated.IsPowered, run);
        bool recoveryTorn = false;
        if (recoveryTear is int cut)
        {
            card.Emulated.Tearing = TearingPlan.AtWrite(cut);
            try
            {
                card.Emulated.PowerOn();
            }
            catch (CardRemovedException)
            {
                // The recovery itself lost power; the next power-up recovers again.
                recoveryTorn = true;
            }
        }
        card.Emulated.Tearing = TearingPlan.Never;
        card.PowerCycle();

        int committed = reference.CommitsBefore(index);
        byte[] expected = reference.States[committed];
        byte[] recovered = card.ReadPersistentMemory();
        if (!recovered.AsSpan().SequenceEqual(expected))
        {
            int other = reference.States.ToList().FindIndex(s => s.AsSpan().SequenceEqual(recovered));
            Assert.Fail($"{run}: after {committed} commit(s) the region should be state {committed} of {reference.States.Count - 1}; " +
                (other >= 0 ? $"it is state {other}" : $"it is none of them: {RegionDiff.Describe(expected, recovered)}"));
        }
        if (committed == 0 || committed == reference.States.Count - 1)
        {
            string view = ReadView(card);
            Assert.True(view == (committed == 0 ? reference.BeforeView : reference.AfterView), $"{run}: the host sees\n{view}");
        }
        card.AssertNoInternalErrors();
        return recoveryTorn;
    }

    private static void RunSession(PurseCard card, TearingCase tearingCase)
    {
        long writes = card.Emulated.PersistentWriteCount;
        foreach (CommandApdu command in tearingCase.Session)
        {
            ResponseApdu response = card.Transmit(command);
            Assert.True(response.StatusWord.IsSuccess || response.StatusWord.Value == 0x6283,
                $"{tearingCase}: session command {command} answered {response.StatusWord.ToDisplayString()}");
        }
        Assert.True(card.Emulated.PersistentWriteCount == writes, $"{tearingCase}: the session wrote to the card");
    }

    /// <summary>The host's view; reading it writes nothing.</summary>
    private static string ReadView(PurseCard card)
    {
        long writes = card.Emulated.PersistentWriteCount;
        string view = PurseView.Read(card);
        Assert.Equal(writes, card.Emulated.PersistentWriteCount);
        return view;
    }
}
