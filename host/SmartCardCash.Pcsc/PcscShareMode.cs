namespace SmartCardCash.Pcsc;

/// <summary>How a connection shares the card with other programs (SCARD_SHARE_*, same values everywhere).</summary>
public enum PcscShareMode
{
    /// <summary>SCARD_SHARE_EXCLUSIVE: no other program may connect while this connection is open.</summary>
    Exclusive = 1,

    /// <summary>SCARD_SHARE_SHARED: other programs may connect too; use transactions for multi-command work.</summary>
    Shared = 2,

    /// <summary>SCARD_SHARE_DIRECT: talk to the reader itself (control codes, attributes), even without a card.</summary>
    Direct = 3,
}
