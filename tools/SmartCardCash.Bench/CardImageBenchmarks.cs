using BenchmarkDotNet.Attributes;
using SmartCardCash.CardAccess;
using SmartCardCash.Emulator;
using SmartCardCash.Emulator.Images;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Bench;

/// <summary>
/// A card image on disk (in the temporary folder): one save (write a temporary file, fsync, rename, fsync the folder),
/// and the same LOCK/UNLOCK pair as <see cref="EmulatedCardBenchmarks"/> on a stored card, which saves after each.
/// Dominated by the disk's fsync: compare runs on the same machine only.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory(BenchCategories.InProcess)]
public class CardImageBenchmarks
{
    private readonly byte[] _lock = PurseCommands.Lock(PersonalisedPurse.LockCode).ToBytes();
    private readonly byte[] _unlock = PurseCommands.Unlock(PersonalisedPurse.LockCode).ToBytes();
    private string _home = "";
    private StoredCard _stored = null!;

    [GlobalSetup]
    public void Setup()
    {
        _home = Path.Combine(Path.GetTempPath(), "scc-bench-" + Guid.NewGuid().ToString("N"));
        var store = EmulatedCardStore.ForHome(_home);
        using (CardConnection created = store.CreatePurseCard("bench", InterfaceProfile.ContactT1))
        {
            PersonalisedPurse.Personalise(created.Channel);
        }
        _stored = store.OpenStored("bench");
        _stored.Card.PowerOn();
        _stored.Card.Transmit(PurseCommands.Select().ToBytes());
        EmulatedCardBenchmarks.Expect9000(_stored.Card.Transmit(_lock));
        EmulatedCardBenchmarks.Expect9000(_stored.Card.Transmit(_unlock));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _stored.Dispose();
        Directory.Delete(_home, recursive: true);
    }

    [Benchmark]
    public void Save() => _stored.Save();

    [Benchmark]
    public byte[] LockThenUnlockSaved()
    {
        _stored.Card.Transmit(_lock);
        return _stored.Card.Transmit(_unlock);
    }
}
