using CsCheck;

namespace SmartCardCash.Emulator.Tests.Memory;

/// <summary>Random operation sequences on the journaled memory agree with the plain reference implementation.</summary>
public sealed class NvmModelPropertyTests
{
    private const int Size = 64;

    private static readonly Gen<(int Op, int Offset, byte[] Data)> Operation =
        Gen.Select(Gen.Int[0, 5], Gen.Int[0, Size - 1], Gen.Byte.Array[0, 16],
            (op, offset, data) => (op, offset, data.Length > Size - offset ? data[..(Size - offset)] : data));

    [Fact]
    public void Journaled_memory_behaves_like_the_reference_memory()
    {
        Operation.Array[1, 60].Sample(operations =>
        {
            var nvm = new NonVolatileMemory(Size, 256);
            nvm.PowerUp();
            IPersistentMemory actual = nvm.OpenRegion(0, Size);
            var model = new InMemoryPersistentMemory(Size);
            foreach ((int op, int offset, byte[] data) in operations)
            {
                switch (op)
                {
                    case 0 when !model.InTransaction:
                        model.BeginTransaction();
                        actual.BeginTransaction();
                        break;
                    case 1 when model.InTransaction:
                        model.CommitTransaction();
                        actual.CommitTransaction();
                        break;
                    case 2 when model.InTransaction:
                        model.AbortTransaction();
                        actual.AbortTransaction();
                        break;
                    case 3:
                        // A power cycle loses the open transaction.
                        if (model.InTransaction)
                        {
                            model.AbortTransaction();
                        }
                        nvm.PowerDown();
                        nvm.PowerUp();
                        break;
                    default:
                        bool full = false;
                        try
                        {
                            actual.Write(offset, data);
                        }
                        catch (TransactionBufferFullException)
                        {
                            full = true;
                        }
                        if (!full)
                        {
                            model.Write(offset, data);
                        }
                        break;
                }
                var expected = new byte[Size];
                var seen = new byte[Size];
                model.Read(0, expected);
                actual.Read(0, seen);
                Assert.Equal(expected, seen);
                Assert.Equal(model.InTransaction, actual.InTransaction);
            }
        }, iter: 300, threads: 1);
    }
}
