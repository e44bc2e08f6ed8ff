using SmartCardCash.Pcsc;

namespace SmartCardCash.Integration.Tests.Infrastructure;

/// <summary>
/// Puts test cards into the private pcscd's vpcd readers and waits until pcscd has seen them come or go. pcscd polls
/// presence about every 400 ms, so the waits poll with a generous timeout: they prove liveness, not speed.
/// </summary>
internal static class CardBench
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Inserts a card into slot 0 ("Virtual PCD 00 00") or 1 and waits until pcscd reports it; disposing what it returns
    /// takes the card out again.
    /// </summary>
    public static InsertedCard Insert(PrivatePcscd pcscd, int slot, Func<byte[], byte[]?> handler)
    {
        var card = new VpcdTestCard(pcscd.VpcdPort + slot, handler);
        card.Insert();
        WaitForCard(ReaderName(slot), present: true);
        return new InsertedCard(card, slot);
    }

    /// <summary>Removes the card and waits until pcscd reports the reader empty.</summary>
    public static void Remove(VpcdTestCard card, int slot)
    {
        card.Remove();
        WaitForCard(ReaderName(slot), present: false);
    }

    public static string ReaderName(int slot) => slot == 0 ? PcscdFixture.ReaderSlot0 : PcscdFixture.ReaderSlot1;

    public static void WaitForCard(string readerName, bool present)
    {
        PrivatePcscd.WaitUntil(() =>
        {
            using var context = PcscContext.Establish();
            return context.GetReaderStates().Any(r => r.ReaderName == readerName && r.IsCardPresent == present);
        }, Patience, $"pcscd did not see the card {(present ? "in" : "leave")} '{readerName}'");
    }
}
