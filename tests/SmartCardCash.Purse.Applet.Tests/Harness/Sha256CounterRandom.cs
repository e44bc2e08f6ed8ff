using System.Buffers.Binary;
using System.Security.Cryptography;
using SmartCardCash.Emulator.Applets;

namespace SmartCardCash.Purse.Applet.Tests.Harness;

/// <summary>
/// A seeded card RNG whose output anyone can reproduce: the stream SHA-256(seed ‖ 0) ‖ SHA-256(seed ‖ 1) ‖ …, the
/// counter as 4 bytes big-endian (documented in applet-spec/vectors/README.md for the reference card).
/// </summary>
internal sealed class Sha256CounterRandom : ICardRandom
{
    private readonly byte[] _seed;
    private readonly byte[] _block = new byte[32];
    private uint _counter;
    private int _used = 32;

    public Sha256CounterRandom(ReadOnlySpan<byte> seed)
    {
        _seed = seed.ToArray();
    }

    public void Fill(Span<byte> destination)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            if (_used == _block.Length)
            {
                var input = new byte[_seed.Length + 4];
                _seed.CopyTo(input, 0);
                BinaryPrimitives.WriteUInt32BigEndian(input.AsSpan(_seed.Length), _counter++);
                SHA256.HashData(input, _block);
                _used = 0;
            }
            destination[i] = _block[_used++];
        }
    }
}
