using SmartCardCash.AppletApi;
using SmartCardCash.Iso7816;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Applet;

/// <summary>The FCI, GET DATA and READ LOG (spec 5.1, 5.3, 5.15).</summary>
internal sealed class InformationCommands
{
    private readonly PurseStore _store;
    private readonly PurseSession _session;
    private readonly AtomicUpdate _atomic;
    private readonly TransferStateMachine _transfers;
    private readonly IPurseCrypto _crypto;

    public InformationCommands(PurseStore store, PurseSession session, AtomicUpdate atomic, TransferStateMachine transfers,
        IPurseCrypto crypto)
    {
        _store = store;
        _session = session;
        _atomic = atomic;
        _transfers = transfers;
        _crypto = crypto;
    }

    /// <summary>The SELECT response: <c>6F { 84 AID, A5 { 94, 87, [80, 81], 88, 84 } }</c>.</summary>
    public byte[] Fci()
    {
        var proprietary = new PurseTlvBuilder()
            .Add(PurseTag.AppletVersion, [PurseAid.AppletVersion >> 8, PurseAid.AppletVersion & 0xFF])
            .AddByte(PurseTag.LifecycleState, (byte)_store.Lifecycle);
        if (_store.PurseCertificate is not null)
        {
            proprietary.Add(PurseTag.PurseId, _store.PurseId.ToArray()).AddByte(PurseTag.PurseClass, (byte)_store.Class);
        }
        proprietary.AddByte(PurseTag.TransferState, (byte)_store.State).AddUInt32(PurseTag.SequenceNumber, _store.NextSeq);
        return PurseTlvBuilder.Encode(PurseTag.Fci,
            new PurseTlvBuilder().Add(PurseTag.DfName, PurseAid.Value).Add(PurseTag.ProprietaryFci, proprietary).ToArray());
    }

    public byte[] GetData(PurseDataObject dataObject) => dataObject switch
    {
        PurseDataObject.Status => Status(),
        PurseDataObject.Balances => Pockets(withLimits: false),
        PurseDataObject.PurseCertificate => _store.PurseCertificate ?? throw NotLoaded(),
        PurseDataObject.IssuerCertificate => _store.IssuerCertificate ?? throw NotLoaded(),
        PurseDataObject.PocketLimits => Pockets(withLimits: true),
        PurseDataObject.PendingTransfer => PendingTransfer(),
        _ => throw new IsoException(StatusWord.IncorrectP1P2),
    };

    /// <summary>READ LOG (spec 5.15). Reading the exception log aborts first, as PRG-126's readExceptionLog.</summary>
    public byte[] ReadLog(PurseLogKind log, int index) => log switch
    {
        PurseLogKind.Transactions => ReadTransactionLog(index),
        PurseLogKind.Exceptions => ReadExceptionLog(index),
        _ => throw new IsoException(StatusWord.IncorrectP1P2),
    };

    private byte[] Status()
    {
        var status = new PurseTlvBuilder().AddByte(PurseTag.LifecycleState, (byte)_store.Lifecycle);
        if (_store.PurseCertificate is not null)
        {
            status.AddByte(PurseTag.PurseClass, (byte)_store.Class)
                .Add(PurseTag.PurseId, _store.PurseId.ToArray())
                .Add(PurseTag.IssuerId, _store.IssuerId.ToArray());
        }
        int remaining = _store.TriesRemaining;
        PurseFlags flags = (_store.Locked ? PurseFlags.Locked : PurseFlags.None)
            | (_session.LockCodeVerified ? PurseFlags.LockCodeVerified : PurseFlags.None)
            | (_store.LockCodeLength != 0 && remaining == 0 ? PurseFlags.LockCodeBlocked : PurseFlags.None);
        return status
            .AddByte(PurseTag.TransferState, (byte)_store.State)
            .AddUInt32(PurseTag.SequenceNumber, _store.NextSeq)
            .AddUInt32(PurseTag.IssuerCounter, _store.IssuerCounter)
            .AddByte(PurseTag.PurseFlags, (byte)flags)
            .AddByte(PurseTag.Tries, (byte)remaining)
            .Add(PurseTag.ExceptionLogOccupancy, [(byte)_store.ExceptionLogCount, PurseConstants.ExceptionLogCapacity])
            .Add(PurseTag.TransactionLogOccupancy, [(byte)_store.TransactionLogCount, PurseConstants.TransactionLogCapacity])
            .Add(PurseTag.Date, _store.TrustedDate.ToArray())
            .ToArray();
    }

    private byte[] Pockets(bool withLimits)
    {
        int count = _store.PocketCount;
        if (count == 0)
        {
            throw NotLoaded();
        }
        var pockets = new PurseTlvBuilder();
        for (int i = 0; i < count; i++)
        {
            Pocket pocket = _store.ReadPocket(i);
            var content = new PurseTlvBuilder().Add(PurseTag.Currency, pocket.Currency.ToArray());
            if (withLimits)
            {
                content.AddUInt32(PurseTag.MaximumBalance, pocket.MaximumBalance)
                    .AddUInt32(PurseTag.TransactionLimit, pocket.TransactionLimit)
                    .AddUInt32(PurseTag.ContactlessLimit, pocket.ContactlessLimit);
            }
            else
            {
                content.AddUInt32(PurseTag.Amount, pocket.Balance);
            }
            pockets.Add(PurseTag.Pocket, content);
        }
        return pockets.ToArray();
    }

    private byte[] PendingTransfer()
    {
        var pending = new PurseTlvBuilder().AddByte(PurseTag.TransferState, (byte)_store.State);
        if (_store.HasPdAuth)
        {
            pending.Add(PurseTag.PaymentDetails, _store.PdAuth);
        }
        return pending.ToArray();
    }

    private byte[] ReadTransactionLog(int index)
    {
        if (index >= _store.TransactionLogCount)
        {
            throw new IsoException(StatusWord.RecordNotFound);
        }
        return new PurseTlvBuilder()
            .AddByte(PurseTag.RecordIndex, (byte)index)
            .Add(PurseTag.TransactionRecord, _store.ReadTransactionRecord(index))
            .ToArray();
    }

    /// <summary>Like a start, the abort stands even when the index then finds no record (spec 4.3).</summary>
    private byte[] ReadExceptionLog(int index)
    {
        _atomic.Begin();
        _transfers.AbortTransferInProgress();
        if (index >= _store.ExceptionLogCount)
        {
            _atomic.Commit();
            throw new IsoException(StatusWord.RecordNotFound);
        }
        byte[] record = _store.ReadExceptionRecord(index);
        byte[] signature = _crypto.Sign(_store.PrivateKey, SignedMessages.ExceptionLogRecord(_store.PurseId, record));
        _atomic.Commit();
        return new PurseTlvBuilder()
            .AddByte(PurseTag.RecordIndex, (byte)index)
            .Add(PurseTag.ExceptionRecord, record)
            .Add(PurseTag.Signature, signature)
            .ToArray();
    }

    private static IsoException NotLoaded() => new(StatusWord.ReferencedDataNotFound);
}
