using SmartCardCash.Iso7816;

namespace SmartCardCash.Purse.Spec;

/// <summary>
/// Status words with a purse-specific meaning (spec section 10). The generic ISO ones (6700, 6985, 6A80…) are on
/// <see cref="StatusWord"/>; the proprietary 94xx are here.
/// </summary>
public static class PurseStatusWords
{
    /// <summary>6283: SELECT of a BLOCKED purse (FCI returned).</summary>
    public static readonly StatusWord PurseBlocked = new(0x6283);

    /// <summary>6A81: SELECT of a TERMINATED purse (no FCI).</summary>
    public static readonly StatusWord PurseTerminated = new(0x6A81);

    /// <summary>6983: the lock code is blocked; only the issuer can reset it.</summary>
    public static readonly StatusWord LockCodeBlocked = new(0x6983);

    /// <summary>6A84: the exception log has no free record.</summary>
    public static readonly StatusWord ExceptionLogFull = new(0x6A84);

    public static readonly StatusWord InsufficientFunds = new(0x9401);
    public static readonly StatusWord MaximumBalanceExceeded = new(0x9402);
    public static readonly StatusWord TransactionLimitExceeded = new(0x9403);
    public static readonly StatusWord CurrencyNotHeld = new(0x9404);
    public static readonly StatusWord ClassesMayNotTransfer = new(0x9405);
    public static readonly StatusWord CertificateExpired = new(0x9406);
    public static readonly StatusWord SequenceNumbersExhausted = new(0x9407);
    public static readonly StatusWord CounterpartyIsThisPurse = new(0x9408);

    /// <summary>63Cx: wrong lock code, <paramref name="triesLeft"/> tries left (0 to 15).</summary>
    public static StatusWord LockCodeWrong(int triesLeft)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(triesLeft);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(triesLeft, 15);
        return new StatusWord((ushort)(0x63C0 | triesLeft));
    }
}
