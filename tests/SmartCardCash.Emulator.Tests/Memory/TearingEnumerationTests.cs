using System.Buffers.Binary;

namespace SmartCardCash.Emulator.Tests.Memory;

/// <summary>
/// Cuts the power at every physical write of several multi-write transactions, with several torn-write shapes, and
/// checks that recovery always yields exactly the before-image or the after-image, and which one.
/// </summary>
public sealed class TearingEnumerationTests
{
    private const int RegionSize = 512;

    public static TheoryData<string> ScenarioNames => new(Scenarios.Keys);

    private static readonly Dictionary<string, Action<IPersistentMemory>> Scenarios = new()
    {
        ["three fields"] = region =>
        {
            region.BeginTransaction();
            region.Write(0, [1, 2, 3, 4]);
            region.Write(4, [5, 6, 7, 8]);
            region.Write(100, Enumerable.Range(0, 32).Select(i => (byte)(i + 1)).ToArray());
            region.CommitTransaction();
        },
        ["overlapping writes"] = region =>
        {
            region.BeginTransaction();
            region.Write(0, Enumerable.Repeat((byte)0x31, 16).ToArray());
            region.Write(8, Enumerable.Repeat((byte)0x32, 16).ToArray());
            region.Write(4, [0x33]);
            region.CommitTransaction();
        },
        ["read-modify-write counter"] = region =>
        {
            region.BeginTransaction();
            var value = new byte[4];
            region.Read(200, value);
            BinaryPrimitives.WriteUInt32BigEndian(value, BinaryPrimitives.ReadUInt32BigEndian(value) + 1);
            region.Write(200, value);
            region.Read(200, value);
            region.Write(204, value);
            region.CommitTransaction();
        },
        ["one long write"] = region =>
        {
            region.BeginTransaction();
            region.Write(10, Enumerable.Repeat((byte)0x44, 300).ToArray());
            region.CommitTransaction();
        },
        ["plain write"] = region => region.Write(50, Enumerable.Repeat((byte)0x55, 20).ToArray()),
    };

    public static TheoryData<string, int> ScenariosAndShapes
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (string name in Scenarios.Keys)
            {
                for (int shape = 0; shape < 3; shape++)
                {
                    data.Add(name, shape);
                }
            }
            return data;
        }
    }

    private static TearingPlan TearAt(long index, int shape) => shape switch
    {
        0 => TearingPlan.AtWrite(index, bytesWritten: 0),
        1 => TearingPlan.AtWrite(index),
        _ => TearingPlan.AtWrite(index, bytesWritten: 7, garbageByte: 0xEE),
    };

    private static (NonVolatileMemory Memory, IPersistentMemory Region, byte[] BeforeImage, byte[] Before) Prepare()
    {
        var memory = new NonVolatileMemory(RegionSize + 64, 1024);
        memory.PowerUp();
        IPersistentMemory region = memory.OpenRegion(32, RegionSize);
        var initial = new byte[RegionSize];
        new Random(7).NextBytes(initial);
        region.Write(0, initial);
        memory.PowerDown();
        return (memory, region, memory.CopyImage(), initial);
    }

    private static byte[] Content(IPersistentMemory region)
    {
        var bytes = new byte[region.Size];
        region.Read(0, bytes);
        return bytes;
    }

    [Theory]
    [MemberData(nameof(ScenariosAndShapes))]
    public void Every_tear_recovers_to_exactly_before_or_after(string scenario, int shape)
    {
        Action<IPersistentMemory> run = Scenarios[scenario];
        (NonVolatileMemory memory, IPersistentMemory region, byte[] beforeImage, byte[] before) = Prepare();

        memory.PowerUp();
        var recording = new RecordingTearingPlan();
        memory.Tearing = recording;
        run(region);
        byte[] after = Content(region);
        Assert.NotEqual(before, after);
        int writes = recording.Writes.Count;
        int commitPoint = recording.Writes.FindIndex(w => w.Kind == PersistentWriteKind.CommitRecord);
        Assert.True(commitPoint > 0, "the scenario commits");
        Assert.Equal(2 * commitPoint + 2, writes); // k journal entries, commit record, k applies, clear

        for (int tear = 0; tear < writes; tear++)
        {
            memory.PowerDown();
            memory.RestoreImage(beforeImage);
            memory.PowerUp();
            memory.Tearing = TearAt(tear, shape);
            Assert.Throws<PowerLossException>(() => run(region));
            Assert.False(memory.IsPowered);

            memory.Tearing = TearingPlan.Never;
            bool replayed = memory.PowerUp();
            byte[] recovered = Content(region);
            bool expectAfter = tear > commitPoint;
            Assert.True((expectAfter ? after : before).AsSpan().SequenceEqual(recovered),
                $"{scenario}: a tear at write {tear} of {writes} (commit point {commitPoint}) must recover to the {(expectAfter ? "after" : "before")}-image");
            Assert.Equal(expectAfter, replayed);
            memory.AssertQuiescent();
        }
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Recovery_torn_at_any_of_its_writes_converges_at_the_next_power_up(string scenario)
    {
        Action<IPersistentMemory> run = Scenarios[scenario];
        (NonVolatileMemory memory, IPersistentMemory region, byte[] beforeImage, _) = Prepare();
        memory.PowerUp();
        var recording = new RecordingTearingPlan();
        memory.Tearing = recording;
        run(region);
        byte[] after = Content(region);
        int commitPoint = recording.Writes.FindIndex(w => w.Kind == PersistentWriteKind.CommitRecord);
        int writes = recording.Writes.Count;

        for (int tear = commitPoint + 1; tear < writes; tear++)
        {
            // Count the recovery writes left after this tear.
            memory.PowerDown();
            memory.RestoreImage(beforeImage);
            memory.PowerUp();
            memory.Tearing = TearingPlan.AtWrite(tear);
            Assert.Throws<PowerLossException>(() => run(region));
            byte[] tornImage = memory.CopyImage();
            var recoveryRecording = new RecordingTearingPlan();
            memory.Tearing = recoveryRecording;
            memory.PowerUp();
            int recoveryWrites = recoveryRecording.Writes.Count;
            Assert.All(recoveryRecording.Writes, w => Assert.True(w.Kind is PersistentWriteKind.RecoveryApply or PersistentWriteKind.RecoveryClear));

            for (int recoveryTear = 0; recoveryTear < recoveryWrites; recoveryTear++)
            {
                memory.PowerDown();
                memory.RestoreImage(tornImage);
                memory.Tearing = TearingPlan.AtWrite(recoveryTear, bytesWritten: 1, garbageByte: 0xA5);
                Assert.Throws<PowerLossException>(() => memory.PowerUp());
                // A second tear during the second recovery, then a clean third one.
                memory.Tearing = TearingPlan.AtWrite(0, bytesWritten: 2);
                Assert.Throws<PowerLossException>(() => memory.PowerUp());
                memory.Tearing = TearingPlan.Never;
                Assert.True(memory.PowerUp());
                Assert.Equal(after, Content(region));
                memory.AssertQuiescent();
            }
        }
    }

    [Fact]
    public void Random_tearing_is_reproducible_from_its_seed_and_always_recovers_to_before_or_after()
    {
        (List<long> Tears, byte[] Image) first = RunRandomWorkload(seed: 42);
        (List<long> Tears, byte[] Image) second = RunRandomWorkload(seed: 42);
        (List<long> Tears, byte[] _) other = RunRandomWorkload(seed: 43);

        Assert.True(first.Tears.Count >= 5, $"the workload should tear several times; it tore {first.Tears.Count} times");
        Assert.Equal(first.Tears, second.Tears);
        Assert.Equal(first.Image, second.Image);
        Assert.NotEqual(first.Tears, other.Tears);
    }

    /// <summary>200 transactions under random tearing; checks each interrupted one against a model of the region.</summary>
    private static (List<long> Tears, byte[] Image) RunRandomWorkload(ulong seed)
    {
        var memory = new NonVolatileMemory(256, 512);
        memory.PowerUp();
        IPersistentMemory region = memory.OpenRegion(0, 256);
        memory.Tearing = TearingPlan.Random(seed, 0.05);
        var tears = new List<long>();
        byte[] model = new byte[256];

        for (int t = 1; t <= 200; t++)
        {
            byte[] before = (byte[])model.Clone();
            byte[] after = (byte[])model.Clone();
            int offset = (t * 37) % 200;
            for (int i = 0; i < 12; i++)
            {
                after[offset + i] = (byte)t;
                after[(offset + 100 + i) % 256] = (byte)(t ^ 0xFF);
            }
            try
            {
                region.BeginTransaction();
                region.Write(offset, after.AsSpan(offset, 12));
                for (int i = 0; i < 12; i++)
                {
                    region.Write((offset + 100 + i) % 256, [(byte)(t ^ 0xFF)]);
                }
                region.CommitTransaction();
                model = after;
            }
            catch (PowerLossException)
            {
                tears.Add(memory.PersistentWriteCount - 1);
                while (true)
                {
                    try
                    {
                        memory.PowerUp();
                        break;
                    }
                    catch (PowerLossException)
                    {
                        tears.Add(memory.PersistentWriteCount - 1);
                    }
                }
                byte[] recovered = Content(region);
                Assert.True(recovered.AsSpan().SequenceEqual(before) || recovered.AsSpan().SequenceEqual(after),
                    $"transaction {t} torn: the region is neither the before- nor the after-image");
                model = recovered;
            }
        }
        return (tears, memory.CopyImage());
    }
}
