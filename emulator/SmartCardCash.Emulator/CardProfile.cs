using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using SmartCardCash.Emulator.Memory;

namespace SmartCardCash.Emulator;

/// <summary>
/// The fixed identity and hardware of an emulated card: its interface, its contactless UID and the size of its
/// non-volatile memory and commit buffer. Immutable.
/// </summary>
public sealed class CardProfile
{
    /// <summary>Default data area for applet regions: 32 KiB, room for several 8 KiB purses.</summary>
    public const int DefaultNvmDataSize = 32 * 1024;

    /// <summary>Default commit buffer: 4 KiB, of the order of real Java Cards.</summary>
    public const int DefaultCommitBufferCapacity = NonVolatileMemory.DefaultCommitBufferCapacity;

    private readonly byte[] _uid;

    public CardProfile(InterfaceProfile interfaceProfile, ReadOnlySpan<byte> uid, int nvmDataSize = DefaultNvmDataSize,
        int commitBufferCapacity = DefaultCommitBufferCapacity)
    {
        if (!Enum.IsDefined(interfaceProfile))
        {
            throw new ArgumentOutOfRangeException(nameof(interfaceProfile), interfaceProfile, "unknown interface profile");
        }
        if (uid.Length is not (4 or 7 or 10))
        {
            throw new ArgumentException($"an ISO 14443-3 UID has 4, 7 or 10 bytes; got {uid.Length}", nameof(uid));
        }
        ArgumentOutOfRangeException.ThrowIfNegative(nvmDataSize);
        ArgumentOutOfRangeException.ThrowIfLessThan(commitBufferCapacity, NonVolatileMemory.JournalEntryHeaderSize + 1);
        Interface = interfaceProfile;
        _uid = uid.ToArray();
        NvmDataSize = nvmDataSize;
        CommitBufferCapacity = commitBufferCapacity;
    }

    /// <summary>A contact T=1 card with the UID derived from seed 0.</summary>
    public static CardProfile Default { get; } = FromSeed(InterfaceProfile.ContactT1, 0);

    public InterfaceProfile Interface { get; }

    /// <summary>The contactless UID (answered to <c>FF CA 00 00 00</c>).</summary>
    public ReadOnlyMemory<byte> Uid => _uid;

    /// <summary>Bytes of non-volatile memory for applet regions.</summary>
    public int NvmDataSize { get; }

    /// <summary>Bytes of commit buffer (redo journal) for one transaction, entry headers included.</summary>
    public int CommitBufferCapacity { get; }

    /// <summary>
    /// A profile whose UID is derived from <paramref name="seed"/>: the first bytes of SHA-256("SmartCardCash UID" ||
    /// seed). A 4-byte UID starts with <c>08</c> (a random NUID, ISO 14443-3); the first byte of a longer one is kept
    /// clear of the cascade tag <c>88</c>.
    /// </summary>
    public static CardProfile FromSeed(InterfaceProfile interfaceProfile, long seed, int uidLength = 7,
        int nvmDataSize = DefaultNvmDataSize, int commitBufferCapacity = DefaultCommitBufferCapacity)
    {
        if (uidLength is not (4 or 7 or 10))
        {
            throw new ArgumentOutOfRangeException(nameof(uidLength), uidLength, "an ISO 14443-3 UID has 4, 7 or 10 bytes");
        }
        byte[] label = Encoding.ASCII.GetBytes("SmartCardCash UID");
        var input = new byte[label.Length + 8];
        label.CopyTo(input, 0);
        BinaryPrimitives.WriteInt64BigEndian(input.AsSpan(label.Length), seed);
        byte[] uid = SHA256.HashData(input)[..uidLength];
        if (uidLength == 4)
        {
            uid[0] = 0x08;
        }
        else if (uid[0] == 0x88)
        {
            uid[0] = 0x89;
        }
        return new CardProfile(interfaceProfile, uid, nvmDataSize, commitBufferCapacity);
    }

    /// <summary>The same card on another interface.</summary>
    public CardProfile WithInterface(InterfaceProfile interfaceProfile) =>
        new(interfaceProfile, _uid, NvmDataSize, CommitBufferCapacity);

    public override string ToString() =>
        $"{Interface}, UID {Convert.ToHexString(_uid)}, {NvmDataSize} bytes NVM, {CommitBufferCapacity}-byte commit buffer";
}
