namespace SmartCardCash.Emulator.Tests.Memory;

internal static class PersistentMemoryReads
{
    /// <summary>The whole of <paramref name="memory"/> as it reads now (inside a transaction: with its writes).</summary>
    public static byte[] ReadAll(this IPersistentMemory memory)
    {
        var bytes = new byte[memory.Size];
        memory.Read(0, bytes);
        return bytes;
    }
}
