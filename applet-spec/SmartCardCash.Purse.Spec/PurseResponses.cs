using System.Buffers.Binary;

namespace SmartCardCash.Purse.Spec;

/// <summary>
/// Reads the response data of purse commands (spec section 5), strictly: every tag in order, nothing left over.
/// Throws <see cref="PurseFormatException"/> for anything else.
/// </summary>
public static class PurseResponses
{
    public static PurseFci ParseFci(ReadOnlySpan<byte> data)
    {
        ReadOnlySpan<byte> fci = StrictTlvReader.ReadSingle(data, PurseTag.Fci, 0, PurseTlvBuilder.MaxValueLength);
        var outer = new StrictTlvReader(fci);
        if (!PurseAid.Matches(outer.Read(PurseTag.DfName, PurseAid.Value.Length)))
        {
            throw new PurseFormatException("the FCI names another application.");
        }
        ReadOnlySpan<byte> proprietary = outer.Read(PurseTag.ProprietaryFci, 0, PurseTlvBuilder.MaxValueLength);
        outer.EnsureEnd();

        var reader = new StrictTlvReader(proprietary);
        ushort version = BinaryPrimitives.ReadUInt16BigEndian(reader.Read(PurseTag.AppletVersion, 2));
        var lifecycle = (PurseLifecycle)reader.ReadByte(PurseTag.LifecycleState);
        PurseId? purseId = reader.TryReadOptional(PurseTag.PurseId, PurseId.Length, PurseId.Length, out ReadOnlySpan<byte> id)
            ? PurseId.Read(id)
            : null;
        PurseClass? purseClass = reader.TryReadOptional(PurseTag.PurseClass, 1, 1, out ReadOnlySpan<byte> cls)
            ? (PurseClass)cls[0]
            : null;
        var state = (TransferState)reader.ReadByte(PurseTag.TransferState);
        uint nextSeq = reader.ReadUInt32(PurseTag.SequenceNumber);
        reader.EnsureEnd();
        return new PurseFci(version, lifecycle, purseId, purseClass, state, nextSeq);
    }

    public static PurseStatus ParseStatus(ReadOnlySpan<byte> data)
    {
        var reader = new StrictTlvReader(data);
        var lifecycle = (PurseLifecycle)reader.ReadByte(PurseTag.LifecycleState);
        PurseClass? purseClass = reader.TryReadOptional(PurseTag.PurseClass, 1, 1, out ReadOnlySpan<byte> cls)
            ? (PurseClass)cls[0]
            : null;
        PurseId? purseId = reader.TryReadOptional(PurseTag.PurseId, PurseId.Length, PurseId.Length, out ReadOnlySpan<byte> id)
            ? PurseId.Read(id)
            : null;
        IssuerId? issuerId = reader.TryReadOptional(PurseTag.IssuerId, IssuerId.Length, IssuerId.Length, out ReadOnlySpan<byte> iid)
            ? IssuerId.Read(iid)
            : null;
        var state = (TransferState)reader.ReadByte(PurseTag.TransferState);
        uint nextSeq = reader.ReadUInt32(PurseTag.SequenceNumber);
        uint counter = reader.ReadUInt32(PurseTag.IssuerCounter);
        var flags = (PurseFlags)reader.ReadByte(PurseTag.PurseFlags);
        int tries = reader.ReadByte(PurseTag.Tries);
        ReadOnlySpan<byte> exceptions = reader.Read(PurseTag.ExceptionLogOccupancy, 2);
        ReadOnlySpan<byte> transactions = reader.Read(PurseTag.TransactionLogOccupancy, 2);
        BcdDate trusted = BcdDate.Read(reader.Read(PurseTag.Date, BcdDate.Length));
        reader.EnsureEnd();
        return new PurseStatus(lifecycle, purseClass, purseId, issuerId, state, nextSeq, counter, flags, tries,
            exceptions[0], exceptions[1], transactions[0], transactions[1], trusted);
    }

    public static IReadOnlyList<PocketBalance> ParseBalances(ReadOnlySpan<byte> data)
    {
        var pockets = new List<PocketBalance>();
        var reader = new StrictTlvReader(data);
        while (!reader.IsAtEnd)
        {
            var pocket = new StrictTlvReader(reader.Read(PurseTag.Pocket, 0, PurseTlvBuilder.MaxValueLength));
            CurrencyCode currency = CurrencyCode.Read(pocket.Read(PurseTag.Currency, CurrencyCode.Length));
            uint balance = pocket.ReadUInt32(PurseTag.Amount);
            pocket.EnsureEnd();
            pockets.Add(new PocketBalance(currency, balance));
        }
        return pockets;
    }

    public static IReadOnlyList<PocketLimits> ParseLimits(ReadOnlySpan<byte> data)
    {
        var pockets = new List<PocketLimits>();
        var reader = new StrictTlvReader(data);
        while (!reader.IsAtEnd)
        {
            var pocket = new StrictTlvReader(reader.Read(PurseTag.Pocket, 0, PurseTlvBuilder.MaxValueLength));
            CurrencyCode currency = CurrencyCode.Read(pocket.Read(PurseTag.Currency, CurrencyCode.Length));
            uint maximum = pocket.ReadUInt32(PurseTag.MaximumBalance);
            uint transaction = pocket.ReadUInt32(PurseTag.TransactionLimit);
            uint contactless = pocket.ReadUInt32(PurseTag.ContactlessLimit);
            pocket.EnsureEnd();
            pockets.Add(new PocketLimits(currency, maximum, transaction, contactless));
        }
        return pockets;
    }

    public static PendingTransfer ParsePendingTransfer(ReadOnlySpan<byte> data)
    {
        var reader = new StrictTlvReader(data);
        var state = (TransferState)reader.ReadByte(PurseTag.TransferState);
        PaymentDetails? details = reader.TryReadOptional(PurseTag.PaymentDetails, PaymentDetails.Length, PaymentDetails.Length,
            out ReadOnlySpan<byte> pd)
            ? PaymentDetails.Decode(pd)
            : null;
        reader.EnsureEnd();
        return new PendingTransfer(state, details);
    }

    /// <summary>GENERATE KEY PAIR: <c>7F49 43 86 41 ‖ 04 X Y</c> → the 65-byte public key.</summary>
    public static byte[] ParsePublicKey(ReadOnlySpan<byte> data)
    {
        ReadOnlySpan<byte> template = StrictTlvReader.ReadSingle(data, PurseTag.PublicKey, 2 + PurseConstants.PublicKeyLength,
            2 + PurseConstants.PublicKeyLength);
        return StrictTlvReader.ReadSingle(template, PurseTag.PublicKeyPoint, PurseConstants.PublicKeyLength,
            PurseConstants.PublicKeyLength).ToArray();
    }

    public static ExceptionLogEntry ParseExceptionLogEntry(ReadOnlySpan<byte> data)
    {
        var reader = new StrictTlvReader(data);
        int index = reader.ReadByte(PurseTag.RecordIndex);
        ExceptionRecord record = ExceptionRecord.Decode(reader.Read(PurseTag.ExceptionRecord, ExceptionRecord.Length));
        byte[] signature = reader.Read(PurseTag.Signature, PurseConstants.MinSignatureLength, PurseConstants.MaxSignatureLength)
            .ToArray();
        reader.EnsureEnd();
        return new ExceptionLogEntry(index, record, signature);
    }

    public static TransactionLogEntry ParseTransactionLogEntry(ReadOnlySpan<byte> data)
    {
        var reader = new StrictTlvReader(data);
        int index = reader.ReadByte(PurseTag.RecordIndex);
        TransactionRecord record = TransactionRecord.Decode(reader.Read(PurseTag.TransactionRecord, TransactionRecord.Length));
        reader.EnsureEnd();
        return new TransactionLogEntry(index, record);
    }
}
