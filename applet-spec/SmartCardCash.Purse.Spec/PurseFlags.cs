namespace SmartCardCash.Purse.Spec;

/// <summary>The purse flags of GET DATA status, tag 92 (spec 2.2).</summary>
[Flags]
public enum PurseFlags : byte
{
    None = 0,
    /// <summary>The purse is locked: it cannot pay until unlocked with the lock code.</summary>
    Locked = 0x01,
    /// <summary>The lock code was verified in this session (cleared at SELECT, deselect, power-up).</summary>
    LockCodeVerified = 0x02,
    /// <summary>No lock-code tries left: only the issuer's RESET LOCK CODE helps.</summary>
    LockCodeBlocked = 0x04,
}
