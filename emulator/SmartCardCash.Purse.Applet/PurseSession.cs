namespace SmartCardCash.Purse.Applet;

/// <summary>
/// The purse's transient memory (spec 8.2, <c>CLEAR_ON_DESELECT</c>): the verified peer and whether the lock code was
/// verified in this session. Cleared at SELECT and deselect; a power-up creates a fresh applet and so a fresh session.
/// </summary>
internal sealed class PurseSession
{
    public VerifiedPeer? Peer { get; set; }

    public bool LockCodeVerified { get; set; }

    public void Clear()
    {
        Peer = null;
        LockCodeVerified = false;
    }
}
