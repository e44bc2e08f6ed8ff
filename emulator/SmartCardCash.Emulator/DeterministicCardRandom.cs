using System.Buffers.Binary;
using System.Security.Cryptography;
using SmartCardCash.AppletApi;

namespace SmartCardCash.Emulator;

/// <summary>
/// A reproducible random source for tests: SHA-256 in counter mode, block i = SHA-256(seed || i as 8 bytes big
/// endian), the blocks concatenated. The same seed always gives the same bytes.
/// </summary>
/// <remarks>
/// Predictable by design: never use it for a card that holds real keys. An applet that signs with a random nonce
/// (ECDSA k) would repeat nonces if the sequence were restarted with the same seed, which leaks its private key;
/// the sequence here continues for the life of the object and is not restarted by power cycles, but a new object
/// with the same seed starts over. Durable card images therefore use <see cref="SystemCardRandom"/>.
/// </remarks>
public sealed class DeterministicCardRandom : ICardRandom
{
    private readonly byte[] _input;
    private readonly byte[] _block = new byte[SHA256.HashSizeInBytes];
    private ulong _counter;
    private int _available;

    public DeterministicCardRandom(ReadOnlySpan<byte> seed)
    {
        _input = new byte[seed.Length + 8];
        seed.CopyTo(_input);
    }

    /// <summary>Seeds with the 8 big-endian bytes of <paramref name="seed"/>.</summary>
    public DeterministicCardRandom(long seed) : this(SeedBytes(seed))
    {
    }

    public void Fill(Span<byte> destination)
    {
        while (!destination.IsEmpty)
        {
            if (_available == 0)
            {
                BinaryPrimitives.WriteUInt64BigEndian(_input.AsSpan(_input.Length - 8), _counter++);
                SHA256.HashData(_input, _block);
                _available = _block.Length;
            }
            int take = Math.Min(_available, destination.Length);
            _block.AsSpan(_block.Length - _available, take).CopyTo(destination);
            _available -= take;
            destination = destination[take..];
        }
    }

    private static byte[] SeedBytes(long seed)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, seed);
        return bytes;
    }
}
