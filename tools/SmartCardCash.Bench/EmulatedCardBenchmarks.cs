using BenchmarkDotNet.Attributes;
using SmartCardCash.CardAccess;
using SmartCardCash.Emulator;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Bench;

/// <summary>
/// Purse commands on the emulated card in memory (no image file): the applet, the card runtime and its transactional
/// memory, without the host. One read-only command, and a pair of state-changing ones (each a persistent transaction).
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory(BenchCategories.InProcess)]
public class EmulatedCardBenchmarks
{
    private readonly byte[] _getBalances = PurseCommands.GetData(PurseDataObject.Balances).ToBytes();
    private readonly byte[] _lock = PurseCommands.Lock(PersonalisedPurse.LockCode).ToBytes();
    private readonly byte[] _unlock = PurseCommands.Unlock(PersonalisedPurse.LockCode).ToBytes();
    private EmulatedCard _card = null!;

    [GlobalSetup]
    public void Setup()
    {
        _card = EmulatedCardStore.CreateInMemoryPurseCard(InterfaceProfile.ContactT1);
        PersonalisedPurse.Personalise(_card.OpenChannel("bench", powerOffOnDispose: false));
        _card.Transmit(PurseCommands.Select().ToBytes());
        Expect9000(_card.Transmit(_getBalances));
        Expect9000(_card.Transmit(_lock));
        Expect9000(_card.Transmit(_unlock));
    }

    /// <summary>GET DATA balances (80 CA 00 xx): what scc balance sends.</summary>
    [Benchmark]
    public byte[] GetDataBalances() => _card.Transmit(_getBalances);

    /// <summary>LOCK then UNLOCK with the lock code: two commands that each commit a change to persistent memory.</summary>
    [Benchmark]
    public byte[] LockThenUnlock()
    {
        _card.Transmit(_lock);
        return _card.Transmit(_unlock);
    }

    internal static void Expect9000(byte[] response)
    {
        if (response is not [.., 0x90, 0x00])
        {
            throw new InvalidOperationException($"the benchmark's card answered {Convert.ToHexString(response)}");
        }
    }
}
