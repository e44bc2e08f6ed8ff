using SmartCardCash.CardAccess;
using SmartCardCash.Purse;

namespace SmartCardCash.Cli.Cards;

/// <summary>An open card and the purse on it; disposing closes the card (saving and unlocking an emulated image).</summary>
internal sealed class PurseSession(CardConnection card, PurseCard purse) : IDisposable
{
    public CardConnection Card { get; } = card;

    public PurseCard Purse { get; } = purse;

    /// <summary>"alice", "Virtual PCD 00 00".</summary>
    public string Name => Card.DisplayName;

    public void Dispose() => Card.Dispose();
}
