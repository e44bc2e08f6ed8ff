using System.Security.Cryptography;
using SmartCardCash.AppletApi;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Applet;

/// <summary>VERIFY / CHANGE LOCK CODE, LOCK, UNLOCK (spec 5.16–5.18, 6.1).</summary>
internal sealed class LockCodeCommands
{
    private readonly PurseStore _store;
    private readonly PurseSession _session;
    private readonly AtomicUpdate _atomic;

    public LockCodeCommands(PurseStore store, PurseSession session, AtomicUpdate atomic)
    {
        _store = store;
        _session = session;
        _atomic = atomic;
    }

    /// <summary>With a code: tries it. Without: 9000 if verified in this session, 63Cx otherwise.</summary>
    public void Verify(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            int remaining = _store.TriesRemaining;
            if (remaining == 0)
            {
                throw new IsoException(PurseStatusWords.LockCodeBlocked);
            }
            if (!_session.LockCodeVerified)
            {
                throw new IsoException(PurseStatusWords.LockCodeWrong(remaining));
            }
            return;
        }
        SpendTryAndCompare(CommandData.ParseLockCode(data));
        _atomic.Begin();
        _store.TriesRemaining = _store.TriesLimit;
        _atomic.Commit();
        _session.LockCodeVerified = true;
    }

    public void Change(ReadOnlySpan<byte> data)
    {
        (byte[] oldCode, byte[] newCode) = CommandData.ParseLockCodeChange(data);
        SpendTryAndCompare(oldCode);
        _atomic.Begin();
        _store.WriteLockCode(newCode);
        _store.TriesRemaining = _store.TriesLimit;
        _atomic.Commit();
        _session.LockCodeVerified = true;
    }

    /// <summary>LOCK (<paramref name="locked"/> true) or UNLOCK.</summary>
    public void SetLocked(ReadOnlySpan<byte> data, bool locked)
    {
        SpendTryAndCompare(CommandData.ParseLockCode(data));
        _atomic.Begin();
        _store.TriesRemaining = _store.TriesLimit;
        _store.Locked = locked;
        _atomic.Commit();
        _session.LockCodeVerified = true;
    }

    /// <summary>
    /// Decrement-before-compare: the try is spent in its own committed write before the comparison, so a power loss
    /// during the check costs a try and never grants a free one. A mismatch answers 63Cx and clears the session's
    /// verified status (as Java Card's OwnerPIN does).
    /// </summary>
    private void SpendTryAndCompare(byte[] candidate)
    {
        int remaining = _store.TriesRemaining;
        if (remaining == 0)
        {
            throw new IsoException(PurseStatusWords.LockCodeBlocked);
        }
        _atomic.Begin();
        _store.TriesRemaining = remaining - 1;
        _atomic.Commit();

        if (!Matches(candidate))
        {
            _session.LockCodeVerified = false;
            throw new IsoException(PurseStatusWords.LockCodeWrong(remaining - 1));
        }
    }

    /// <summary>Constant time over the code padded to 8 bytes, length included (spec 6.1).</summary>
    private bool Matches(byte[] candidate)
    {
        var padded = new byte[PurseConstants.MaxLockCodeLength];
        candidate.CopyTo(padded, 0);
        bool sameLength = _store.LockCodeLength == candidate.Length;
        bool sameDigits = CryptographicOperations.FixedTimeEquals(padded, _store.LockCodePadded);
        return sameLength & sameDigits;
    }
}
