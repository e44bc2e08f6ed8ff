using SmartCardCash.Iso7816;
using SmartCardCash.Purse.Errors;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse;

// The lock code: verify, its state, lock and unlock, change; every code is checked before it is sent.
public sealed partial class PurseCard
{
    /// <summary>VERIFY LOCK CODE: the code is verified for this session (until the next SELECT or power-up).</summary>
    /// <exception cref="WrongLockCodeException">Wrong code; <see cref="WrongLockCodeException.TriesLeft"/> says how many remain.</exception>
    /// <exception cref="LockCodeBlockedException">No tries left.</exception>
    public void VerifyLockCode(string code) => Send(PurseCommand.VerifyLockCode, PurseCommands.VerifyLockCode(CheckCode(code)));

    /// <summary>VERIFY LOCK CODE without data: whether the code was verified in this session, tries left, blocked.</summary>
    public LockCodeState GetLockCodeState()
    {
        ResponseApdu response = Transmitter.Transmit(PurseCommands.VerifyLockCode());
        if (response.IsSuccess)
        {
            return new LockCodeState(true, GetStatus().LockCodeTriesRemaining, false);
        }
        if (response.StatusWord.RetriesLeft is int left)
        {
            return new LockCodeState(false, left, false);
        }
        if (response.StatusWord == PurseStatusWords.LockCodeBlocked)
        {
            return new LockCodeState(false, 0, true);
        }
        throw Error(PurseCommand.VerifyLockCode, response.StatusWord);
    }

    /// <summary>LOCK: with the right code, sets the locked flag; a locked purse can receive but not pay.</summary>
    public void Lock(string code) => Send(PurseCommand.Lock, PurseCommands.Lock(CheckCode(code)));

    /// <summary>UNLOCK: with the right code, clears the locked flag.</summary>
    public void Unlock(string code) => Send(PurseCommand.Unlock, PurseCommands.Unlock(CheckCode(code)));

    /// <summary>CHANGE LOCK CODE: verifies <paramref name="oldCode"/> as VERIFY does, then sets <paramref name="newCode"/>.</summary>
    public void ChangeLockCode(string oldCode, string newCode) =>
        Send(PurseCommand.ChangeLockCode, PurseCommands.ChangeLockCode(CheckCode(oldCode), CheckCode(newCode)));

    /// <summary>Checked here, before anything is sent, so that a malformed code costs no try and never reaches a trace.</summary>
    private static string CheckCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (!LockCode.IsValid(System.Text.Encoding.ASCII.GetBytes(code)) || code.Any(c => !char.IsAsciiDigit(c)))
        {
            throw new FormatException(
                $"a lock code is {PurseConstants.MinLockCodeLength} to {PurseConstants.MaxLockCodeLength} digits");
        }
        return code;
    }
}
