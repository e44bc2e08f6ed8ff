using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Applet;

/// <summary>
/// The transient memory of spec 8.2 as this applet uses it (<see cref="PurseSession"/> and its signing scratch); a
/// Java Card port allocates these with <c>JCSystem.makeTransientByteArray(…, CLEAR_ON_DESELECT)</c>. The rows are
/// checked against the fields the applet really holds and the messages it really signs (TransientBudgetTests), so a
/// session that grows past them fails a test.
/// </summary>
internal static class PurseTransientBudget
{
    /// <summary>The longest message the purse builds before signing: <c>SCC1 ‖ 10 ‖ purse ID ‖ record</c>.</summary>
    private const int LongestBuiltMessage = 4 + 1 + PurseId.Length + ExceptionRecord.Length;

    public static IReadOnlyList<(string Item, int Bytes)> Rows { get; } =
    [
        ("verified peer: purse ID 8, class 1, currency count 1 + 10, public key 65",
            PurseId.Length + 1 + 1 + PurseConstants.MaxPockets * CurrencyCode.Length + PurseConstants.PublicKeyLength),
        ("session flags (lock code verified)", 1),
        ("signing scratch: message up to 4 + 1 + 8 + 64 = 77 bytes, DER output 72",
            LongestBuiltMessage + PurseConstants.MaxSignatureLength),
        ("pending response for GET RESPONSE (runtime, not the applet)", 256),
    ];

    public static int Total => Rows.Sum(r => r.Bytes);
}
