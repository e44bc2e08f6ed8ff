namespace SmartCardCash.Integration.Tests.Infrastructure;

/// <summary>
/// A test card <see cref="CardBench.Insert"/> put into a vpcd reader. Disposing takes it out and waits until pcscd has
/// seen the reader empty, so that the next test starts from an empty reader.
/// </summary>
internal sealed class InsertedCard(VpcdTestCard card, int slot) : IDisposable
{
    /// <summary>Every APDU the card received, in order.</summary>
    public List<byte[]> Received => card.Received;

    public void Dispose()
    {
        using (card)
        {
            CardBench.Remove(card, slot);
        }
    }
}
