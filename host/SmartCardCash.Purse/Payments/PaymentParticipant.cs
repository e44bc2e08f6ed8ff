using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Payments;

/// <summary>One purse of a run: its card, its role, and what the run last learnt about it.</summary>
internal sealed class PaymentParticipant(PurseCard card, PaymentParty role)
{
    public PurseCard Card { get; } = card;

    public PaymentParty Role { get; } = role;

    public string Name => Card.Name;

    /// <summary>The purse ID, from its first SELECT; later answers from another purse do not count as this one.</summary>
    public PurseId? Id { get; set; }

    /// <summary>Its certificate, as the introduction read and checked it; null in a recovery, which reads none.</summary>
    public PurseCertificate? Certificate { get; set; }

    /// <summary>The transfer state as last answered or observed; null once a command to it got no answer.</summary>
    public TransferState? State { get; set; }

    /// <summary>Whether the card answered the last thing sent to it.</summary>
    public bool Reachable { get; set; } = true;

    /// <summary>The card refused ABORT (a payee listener lets none through): recovery does not ask again.</summary>
    public bool AbortRefused { get; set; }

    public PurseReport Report() => new(Name, Id, Reachable ? State : null, Reachable);
}
