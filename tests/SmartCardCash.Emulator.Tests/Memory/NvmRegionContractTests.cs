namespace SmartCardCash.Emulator.Tests.Memory;

public sealed class NvmRegionContractTests : PersistentMemoryContract
{
    protected override IPersistentMemory Create(int size)
    {
        var memory = new NonVolatileMemory(size + 40);
        memory.PowerUp();
        return memory.OpenRegion(20, size);
    }
}
