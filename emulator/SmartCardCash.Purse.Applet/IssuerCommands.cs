using System.Security.Cryptography;
using SmartCardCash.AppletApi;
using SmartCardCash.Iso7816;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Applet;

/// <summary>
/// The issuer-authorised commands (spec 7): MINT, CLEAR EXCEPTION LOG, DEACTIVATE, ACTIVATE from BLOCKED, TERMINATE,
/// RESET LOCK CODE. Order: format 6A80, counter 6985, signature 6982, then — in one transaction — the abort, the
/// command's own checks, its effect and the counter increment. A refusal at any point changes nothing.
/// </summary>
internal sealed class IssuerCommands
{
    private readonly PurseStore _store;
    private readonly AtomicUpdate _atomic;
    private readonly PurseInvariants _invariants;
    private readonly TransferStateMachine _transfers;
    private readonly IPurseCrypto _crypto;

    public IssuerCommands(PurseStore store, AtomicUpdate atomic, PurseInvariants invariants, TransferStateMachine transfers,
        IPurseCrypto crypto)
    {
        _store = store;
        _atomic = atomic;
        _invariants = invariants;
        _transfers = transfers;
        _crypto = crypto;
    }

    public void Execute(MessageType type, ReadOnlySpan<byte> data)
    {
        IssuerCommandData command = CommandData.ParseIssuerCommand(data, type);
        Authorise(type, command);

        _atomic.Begin();
        _transfers.AbortTransferInProgress();
        switch (type)
        {
            case MessageType.Mint:
                Mint(command);
                break;
            case MessageType.ClearExceptionLog:
                ClearExceptionLog(command);
                break;
            case MessageType.Deactivate:
                _store.Lifecycle = PurseLifecycle.Blocked;
                break;
            case MessageType.Activate:
                _store.Lifecycle = PurseLifecycle.Issued;
                break;
            case MessageType.Terminate:
                Terminate();
                break;
            case MessageType.ResetLockCode:
                _store.WriteLockCode(command.LockCode);
                _store.TriesRemaining = _store.TriesLimit;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "not an issuer command");
        }
        _store.IssuerCounter = command.Counter + 1;
        _atomic.Commit();
    }

    /// <summary>The counter must be the purse's (and below the bound, so it never wraps); the issuer must have signed.</summary>
    private void Authorise(MessageType type, IssuerCommandData command)
    {
        if (command.Counter != _store.IssuerCounter || command.Counter == PurseConstants.IssuerCounterBound)
        {
            throw new IsoException(StatusWord.ConditionsOfUseNotSatisfied);
        }
        byte[] message = SignedMessages.IssuerCommand(type, _store.PurseId, command.Counter, command.Parameters);
        if (!_crypto.Verify(_store.IssuerPublicKey, message, command.Signature))
        {
            throw new IsoException(StatusWord.SecurityStatusNotSatisfied);
        }
    }

    /// <summary>MINT (spec 7.2): the only way value comes into existence, and only in a bank purse.</summary>
    private void Mint(IssuerCommandData command)
    {
        Refuse(_store.Class != PurseClass.Bank, PurseStatusWords.ClassesMayNotTransfer);
        int index = _store.FindPocket(command.Currency);
        Refuse(index < 0, PurseStatusWords.CurrencyNotHeld);
        Refuse(command.Amount == 0, StatusWord.IncorrectData);
        Pocket pocket = _store.ReadPocket(index);
        Refuse(command.Amount > pocket.MaximumBalance - pocket.Balance, PurseStatusWords.MaximumBalanceExceeded);

        uint balance = pocket.Balance + command.Amount;
        _store.WriteBalance(index, balance);
        PaymentDetails details = TransactionRecord.MintDetails(_store.PurseId, command.Currency, command.Amount, command.Counter);
        _store.AppendTransactionRecord(new TransactionRecord(TransactionRecordType.Minted, details, balance).Encode());
    }

    /// <summary>CLEAR EXCEPTION LOG (spec 7.3): only with the digest of exactly the records held (after the abort).</summary>
    private void ClearExceptionLog(IssuerCommandData command)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        int count = _store.ExceptionLogCount;
        for (int i = 0; i < count; i++)
        {
            sha.AppendData(_store.ReadExceptionRecord(i));
        }
        Refuse(!CryptographicOperations.FixedTimeEquals(sha.GetHashAndReset(), command.LogDigest),
            StatusWord.ConditionsOfUseNotSatisfied);
        _store.ClearExceptionLog();
        _invariants.AuthoriseExceptionLogClear();
    }

    /// <summary>TERMINATE (spec 7.4): no value or evidence may disappear with the purse.</summary>
    private void Terminate()
    {
        bool allZero = true;
        for (int i = 0; i < _store.PocketCount; i++)
        {
            allZero &= _store.ReadPocket(i).Balance == 0;
        }
        Refuse(!allZero || _store.ExceptionLogCount != 0 || _store.State != TransferState.Idle,
            StatusWord.ConditionsOfUseNotSatisfied);
        _store.Lifecycle = PurseLifecycle.Terminated;
    }

    private static void Refuse(bool refused, StatusWord statusWord)
    {
        if (refused)
        {
            throw new IsoException(statusWord);
        }
    }
}
