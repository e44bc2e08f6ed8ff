using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Payments;

/// <summary>
/// One purse as recovery sees it, read from the card itself (SELECT, GET DATA pending transfer, RESUME), or
/// unreachable. Every recovery decision is taken from two of these, never from what the host believes happened.
/// </summary>
internal sealed record PurseView(bool Reachable, PurseId? Id, TransferState? State, uint NextSequence,
    PaymentDetails? PdAuth, ProtectedMessage? Pending, string? Problem)
{
    public static PurseView Unreachable(string problem) => new(false, null, null, 0, null, null, problem);

    /// <summary>In <paramref name="state"/> for exactly these payment details.</summary>
    public bool IsIn(TransferState state, PaymentDetails pd) => Reachable && State == state && pd.Equals(PdAuth);

    /// <summary>Its pending log holds a <paramref name="type"/> message for exactly these payment details.</summary>
    public bool HasPending(MessageType type, PaymentDetails pd) =>
        Reachable && Pending is { } message && message.Type == type && message.Details.Equals(pd);

    /// <summary>Still holds <paramref name="pd"/> as its last transfer (in any state): nothing was started since.</summary>
    public bool Holds(PaymentDetails pd) => Reachable && pd.Equals(PdAuth);

    /// <summary>
    /// Never started <paramref name="pd"/>: its next sequence number has not passed the one the PD gives it (a start
    /// uses nextSeq and moves it on, spec 4.5).
    /// </summary>
    public bool NeverStarted(PaymentDetails pd, bool asPayer) =>
        Reachable && NextSequence <= (asPayer ? pd.FromSeq : pd.ToSeq);
}
