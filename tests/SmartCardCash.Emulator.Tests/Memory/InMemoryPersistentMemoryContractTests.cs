namespace SmartCardCash.Emulator.Tests.Memory;

public sealed class InMemoryPersistentMemoryContractTests : PersistentMemoryContract
{
    protected override IPersistentMemory Create(int size) => new InMemoryPersistentMemory(size);
}
