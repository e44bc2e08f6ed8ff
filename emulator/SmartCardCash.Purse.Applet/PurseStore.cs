using System.Buffers.Binary;
using SmartCardCash.AppletApi;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Applet;

/// <summary>
/// Typed access to the purse's persistent memory in <see cref="PurseLayout"/>. Nothing is cached: every property reads
/// or writes <see cref="IPersistentMemory"/> directly, so what a command sees is always what survives a power loss.
/// </summary>
internal sealed class PurseStore
{
    private readonly IPersistentMemory _memory;

    public PurseStore(IPersistentMemory memory)
    {
        _memory = memory;
    }

    public bool IsFormatted => ReadByte(PurseLayout.LayoutVersion) == PurseLayout.CurrentVersion;

    public byte LayoutVersion => ReadByte(PurseLayout.LayoutVersion);

    /// <summary>Install: a blank purse in PERSONALISATION. The caller holds a transaction.</summary>
    public void Format()
    {
        WriteBytes(0, new byte[PurseLayout.Size]);
        WriteByte(PurseLayout.LayoutVersion, PurseLayout.CurrentVersion);
        Lifecycle = PurseLifecycle.Personalisation;
    }

    public PurseLifecycle Lifecycle
    {
        get => (PurseLifecycle)ReadByte(PurseLayout.Lifecycle);
        set => WriteByte(PurseLayout.Lifecycle, (byte)value);
    }

    public PurseClass Class
    {
        get => (PurseClass)ReadByte(PurseLayout.PurseClass);
        set => WriteByte(PurseLayout.PurseClass, (byte)value);
    }

    public PersonalisationFlags Flags
    {
        get => (PersonalisationFlags)ReadByte(PurseLayout.Flags);
        set => WriteByte(PurseLayout.Flags, (byte)value);
    }

    public PurseId PurseId
    {
        get => PurseId.Read(ReadBytes(PurseLayout.PurseId, PurseId.Length));
        set => WriteBytes(PurseLayout.PurseId, value.ToArray());
    }

    public IssuerId IssuerId
    {
        get => IssuerId.Read(ReadBytes(PurseLayout.IssuerId, IssuerId.Length));
        set => WriteBytes(PurseLayout.IssuerId, value.ToArray());
    }

    public uint NextSeq
    {
        get => ReadUInt32(PurseLayout.NextSeq);
        set => WriteUInt32(PurseLayout.NextSeq, value);
    }

    public uint IssuerCounter
    {
        get => ReadUInt32(PurseLayout.IssuerCounter);
        set => WriteUInt32(PurseLayout.IssuerCounter, value);
    }

    public BcdDate TrustedDate
    {
        get => BcdDate.Read(ReadBytes(PurseLayout.TrustedDate, BcdDate.Length));
        set => WriteBytes(PurseLayout.TrustedDate, value.ToArray());
    }

    public TransferState State
    {
        get => (TransferState)ReadByte(PurseLayout.TransferState);
        set => WriteByte(PurseLayout.TransferState, (byte)value);
    }

    public byte[] PrivateKey
    {
        get => ReadBytes(PurseLayout.PrivateKey, PurseConstants.PrivateKeyLength);
        set => WriteBytes(PurseLayout.PrivateKey, value);
    }

    public byte[] PublicKey
    {
        get => ReadBytes(PurseLayout.PublicKey, PurseConstants.PublicKeyLength);
        set => WriteBytes(PurseLayout.PublicKey, value);
    }

    public byte[] IssuerPublicKey
    {
        get => ReadBytes(PurseLayout.IssuerPublicKey, PurseConstants.PublicKeyLength);
        set => WriteBytes(PurseLayout.IssuerPublicKey, value);
    }

    /// <summary>The issuer certificate as loaded, or null.</summary>
    public byte[]? IssuerCertificate => ReadCertificate(PurseLayout.IssuerCertificate);

    /// <summary>The purse certificate as loaded, or null.</summary>
    public byte[]? PurseCertificate => ReadCertificate(PurseLayout.PurseCertificate);

    public void StoreIssuerCertificate(ReadOnlySpan<byte> certificate) => WriteCertificate(PurseLayout.IssuerCertificate, certificate);

    public void StorePurseCertificate(ReadOnlySpan<byte> certificate) => WriteCertificate(PurseLayout.PurseCertificate, certificate);

    /// <summary>
    /// Forgets the purse certificate and everything it set: purse ID, class, pockets and their limits (spec 5.4, 5.5).
    /// </summary>
    public void ForgetPurseCertificate()
    {
        WriteCertificate(PurseLayout.PurseCertificate, []);
        PurseId = PurseId.None;
        Class = 0;
        WriteBytes(PurseLayout.Pockets, new byte[PurseConstants.MaxPockets * PurseLayout.PocketSize]);
        PocketCount = 0;
        Flags &= PersonalisationFlags.KeyPairGenerated;
    }

    public int PocketCount
    {
        get => ReadByte(PurseLayout.PocketCount);
        set => WriteByte(PurseLayout.PocketCount, (byte)value);
    }

    public Pocket ReadPocket(int index)
    {
        int at = PocketOffset(index);
        return new Pocket(
            CurrencyCode.Read(ReadBytes(at + PurseLayout.PocketCurrency, CurrencyCode.Length)),
            ReadUInt32(at + PurseLayout.PocketBalance),
            ReadUInt32(at + PurseLayout.PocketMaximum),
            ReadUInt32(at + PurseLayout.PocketTransactionLimit),
            ReadUInt32(at + PurseLayout.PocketContactlessLimit));
    }

    public void WritePocket(int index, Pocket pocket)
    {
        int at = PocketOffset(index);
        WriteBytes(at + PurseLayout.PocketCurrency, pocket.Currency.ToArray());
        WriteUInt32(at + PurseLayout.PocketBalance, pocket.Balance);
        WriteUInt32(at + PurseLayout.PocketMaximum, pocket.MaximumBalance);
        WriteUInt32(at + PurseLayout.PocketTransactionLimit, pocket.TransactionLimit);
        WriteUInt32(at + PurseLayout.PocketContactlessLimit, pocket.ContactlessLimit);
    }

    public void WriteBalance(int index, uint balance) => WriteUInt32(PocketOffset(index) + PurseLayout.PocketBalance, balance);

    /// <summary>The index of the pocket holding <paramref name="currency"/>, or -1.</summary>
    public int FindPocket(CurrencyCode currency)
    {
        int count = PocketCount;
        for (int i = 0; i < count; i++)
        {
            if (CurrencyCode.Read(ReadBytes(PocketOffset(i) + PurseLayout.PocketCurrency, CurrencyCode.Length)) == currency)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>pdAuth, encoded; all zero if no transfer ever started.</summary>
    public byte[] PdAuth
    {
        get => ReadBytes(PurseLayout.PdAuth, PaymentDetails.Length);
        set => WriteBytes(PurseLayout.PdAuth, value);
    }

    public bool HasPdAuth => ReadBytes(PurseLayout.PdAuth, PaymentDetails.Length).AsSpan().ContainsAnyExcept((byte)0);

    public byte[] PeerKey
    {
        get => ReadBytes(PurseLayout.PeerKey, PurseConstants.PublicKeyLength);
        set => WriteBytes(PurseLayout.PeerKey, value);
    }

    public PurseClass PeerClass
    {
        get => (PurseClass)ReadByte(PurseLayout.PeerClass);
        set => WriteByte(PurseLayout.PeerClass, (byte)value);
    }

    /// <summary>The pending log, or null when empty.</summary>
    public PendingMessage? Pending
    {
        get
        {
            byte type = ReadByte(PurseLayout.PendingType);
            if (type == 0)
            {
                return null;
            }
            int signatureLength = ReadByte(PurseLayout.PendingSignatureLength);
            return new PendingMessage((MessageType)type, ReadBytes(PurseLayout.PendingDetails, PaymentDetails.Length),
                ReadBytes(PurseLayout.PendingSignature, signatureLength));
        }
    }

    public byte PendingTypeByte => ReadByte(PurseLayout.PendingType);

    public void WritePending(MessageType type, ReadOnlySpan<byte> details, ReadOnlySpan<byte> signature)
    {
        WriteByte(PurseLayout.PendingType, (byte)type);
        WriteBytes(PurseLayout.PendingDetails, details);
        WriteByte(PurseLayout.PendingSignatureLength, (byte)signature.Length);
        WriteBytes(PurseLayout.PendingSignature, signature);
    }

    public void ClearPending() => WriteByte(PurseLayout.PendingType, 0);

    public int ExceptionLogCount
    {
        get => ReadByte(PurseLayout.ExceptionLogCount);
        private set => WriteByte(PurseLayout.ExceptionLogCount, (byte)value);
    }

    public byte[] ReadExceptionRecord(int index) =>
        ReadBytes(PurseLayout.ExceptionLogRecords + index * ExceptionRecord.Length, ExceptionRecord.Length);

    public void AppendExceptionRecord(ReadOnlySpan<byte> record)
    {
        int count = ExceptionLogCount;
        WriteBytes(PurseLayout.ExceptionLogRecords + count * ExceptionRecord.Length, record);
        ExceptionLogCount = count + 1;
    }

    public void ClearExceptionLog() => ExceptionLogCount = 0;

    public int TransactionLogCount => ReadByte(PurseLayout.TransactionLogCount);

    public int TransactionLogHead => ReadByte(PurseLayout.TransactionLogHead);

    /// <summary>Record <paramref name="index"/>, 0 being the most recent.</summary>
    public byte[] ReadTransactionRecord(int index)
    {
        int slot = (TransactionLogHead - 1 - index + 2 * PurseConstants.TransactionLogCapacity) % PurseConstants.TransactionLogCapacity;
        return ReadBytes(PurseLayout.TransactionLogRecords + slot * TransactionRecord.Length, TransactionRecord.Length);
    }

    public void AppendTransactionRecord(ReadOnlySpan<byte> record)
    {
        int head = TransactionLogHead;
        WriteBytes(PurseLayout.TransactionLogRecords + head * TransactionRecord.Length, record);
        WriteByte(PurseLayout.TransactionLogHead, (byte)((head + 1) % PurseConstants.TransactionLogCapacity));
        WriteByte(PurseLayout.TransactionLogCount,
            (byte)Math.Min(TransactionLogCount + 1, PurseConstants.TransactionLogCapacity));
    }

    public void ClearTransactionLog()
    {
        WriteByte(PurseLayout.TransactionLogCount, 0);
        WriteByte(PurseLayout.TransactionLogHead, 0);
    }

    public int LockCodeLength => ReadByte(PurseLayout.LockCodeLength);

    /// <summary>The code padded with 00 to 8 bytes.</summary>
    public byte[] LockCodePadded => ReadBytes(PurseLayout.LockCode, PurseConstants.MaxLockCodeLength);

    public void WriteLockCode(ReadOnlySpan<byte> code)
    {
        var padded = new byte[PurseConstants.MaxLockCodeLength];
        code.CopyTo(padded);
        WriteByte(PurseLayout.LockCodeLength, (byte)code.Length);
        WriteBytes(PurseLayout.LockCode, padded);
    }

    public int TriesLimit
    {
        get => ReadByte(PurseLayout.LockCodeLimit);
        set => WriteByte(PurseLayout.LockCodeLimit, (byte)value);
    }

    public int TriesRemaining
    {
        get => ReadByte(PurseLayout.LockCodeRemaining);
        set => WriteByte(PurseLayout.LockCodeRemaining, (byte)value);
    }

    public bool Locked
    {
        get => ReadByte(PurseLayout.Locked) != 0;
        set => WriteByte(PurseLayout.Locked, value ? (byte)1 : (byte)0);
    }

    private byte[]? ReadCertificate(int slot)
    {
        int length = BinaryPrimitives.ReadUInt16BigEndian(ReadBytes(slot, 2));
        return length == 0 ? null : ReadBytes(slot + 2, length);
    }

    private void WriteCertificate(int slot, ReadOnlySpan<byte> certificate)
    {
        if (certificate.Length > PurseConstants.MaxCertificateLength)
        {
            throw new InvalidOperationException($"a {certificate.Length}-byte certificate does not fit its 200-byte slot.");
        }
        var bytes = new byte[2 + certificate.Length];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, (ushort)certificate.Length);
        certificate.CopyTo(bytes.AsSpan(2));
        WriteBytes(slot, bytes);
    }

    private static int PocketOffset(int index)
    {
        if ((uint)index >= PurseConstants.MaxPockets)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, "a purse has pockets 0 to 4.");
        }
        return PurseLayout.Pockets + index * PurseLayout.PocketSize;
    }

    private byte ReadByte(int offset)
    {
        Span<byte> value = stackalloc byte[1];
        _memory.Read(offset, value);
        return value[0];
    }

    private void WriteByte(int offset, byte value) => _memory.Write(offset, [value]);

    private uint ReadUInt32(int offset)
    {
        Span<byte> value = stackalloc byte[4];
        _memory.Read(offset, value);
        return BinaryPrimitives.ReadUInt32BigEndian(value);
    }

    private void WriteUInt32(int offset, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        _memory.Write(offset, bytes);
    }

    private byte[] ReadBytes(int offset, int length)
    {
        var bytes = new byte[length];
        _memory.Read(offset, bytes);
        return bytes;
    }

    private void WriteBytes(int offset, ReadOnlySpan<byte> bytes) => _memory.Write(offset, bytes);
}
