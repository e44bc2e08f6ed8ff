using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Settlement.BankPurses;

/// <summary>
/// The bank purses' cards this process holds powered, one per purse. A card is used only while its row is locked, and
/// only if its memory is exactly the image in the database: otherwise (another process served the purse, or a command
/// ran on it in a transaction that did not commit) it is replaced by a fresh card from the database's image, which is
/// what a torn card is after the next power-up.
/// </summary>
internal sealed class LiveBankPurses
{
    private readonly Dictionary<PurseId, BankPurseCard> _cards = [];
    private readonly Lock _lock = new();

    /// <summary>The purse's card, holding exactly <paramref name="image"/>.</summary>
    public BankPurseCard Take(PurseId id, byte[] image)
    {
        lock (_lock)
        {
            if (_cards.TryGetValue(id, out BankPurseCard? card) && card.Matches(image))
            {
                return card;
            }
        }
        BankPurseCard fresh = BankPurseCard.FromImage(id, image);
        lock (_lock)
        {
            _cards[id] = fresh;
        }
        return fresh;
    }

    /// <summary>Forgets the purse's card: a transaction failed after a command ran on it, so its memory is not the database's.</summary>
    public void Forget(PurseId id)
    {
        lock (_lock)
        {
            _cards.Remove(id);
        }
    }
}
