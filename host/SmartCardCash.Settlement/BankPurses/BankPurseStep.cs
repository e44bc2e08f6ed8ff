using SmartCardCash.Settlement.Storage;

namespace SmartCardCash.Settlement.BankPurses;

/// <summary>
/// One APDU to a bank purse, inside the caller's database transaction, which has locked the purse's row: the gate,
/// the command on the live card, and, when the card's memory changed, the new image with what it means for the books
/// (<paramref name="Committed"/>: the load's or deposit's postings). The caller commits, and only then answers.
/// </summary>
/// <param name="Holder">The payment the purse serves (<c>load:ID</c>, <c>deposit:ID</c>).</param>
/// <param name="Gate">Null when the command may reach the card; otherwise the response to answer instead (a refusal).</param>
/// <param name="Committed">Given the purse before and after the command (its memory changed) and the card's response,
/// records what that means in the same transaction; returns true when the payment is over and the purse free again.</param>
internal sealed record BankPurseStep(
    string Holder,
    Func<BankPurseCard, byte[]?> Gate,
    Func<BankPurseSnapshot, BankPurseSnapshot, byte[], bool> Committed)
{
    /// <param name="reachingCard">Called just before the command reaches the card: from then on, the transaction may
    /// not be run again.</param>
    public byte[] Run(BankTransaction tx, LiveBankPurses cards, PurseImageKey images, BankPurseRow purse, byte[] command, Action reachingCard)
    {
        BankPurseInvariants.Holds(purse.BusyWith == Holder, $"{Holder} sends a command to bank purse {purse.Id}, held by {purse.BusyWith}");
        byte[] stored = images.Open(purse.PurseId, purse.Image);
        BankPurseCard card = cards.Take(purse.PurseId, stored);
        if (Gate(card) is byte[] answer)
        {
            return answer;
        }
        reachingCard();
        byte[] response = card.Transmit(command);
        byte[] image = card.Image();
        if (!image.AsSpan().SequenceEqual(stored))
        {
            var before = new BankPurseSnapshot(purse.Balance, purse.TransferState, null);
            BankPurseSnapshot after = BankPurseSnapshot.Read(image, purse.CurrencyOf);
            BankPurseInvariants.TransitionChecked(purse.PurseId, before, after);
            BankPurseStore.WriteImage(tx, purse.PurseId, images.Seal(purse.PurseId, image), after);
            if (Committed(before, after, response))
            {
                BankPurseStore.Release(tx, purse.PurseId, Holder);
            }
            BankPurseInvariants.ImageMatchesBooks(tx, purse.PurseId, purse.CurrencyOf, after);
        }
        return response;
    }
}
