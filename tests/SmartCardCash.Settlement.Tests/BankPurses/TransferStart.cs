using SmartCardCash.Purse;

namespace SmartCardCash.Settlement.Tests.BankPurses;

/// <summary>
/// The opening of a payment between a bank purse and a card, command by command, for the tests that stop or break it
/// at a chosen point (the coordinator would run it to the end): both select, each verifies the other's certificate,
/// the payer starts with the payee's next sequence number and the payee answers.
/// </summary>
internal static class TransferStart
{
    /// <summary>An authorised load up to the card's REQ: the bank purse (the payer) waits in epr for it.</summary>
    public static (PurseCard Bank, PaymentDetails Pd, ProtectedMessage Req) Load(BankWorld world, string loadId, WorldCard card, long amount)
    {
        PurseCard bank = PurseCard.Open(world.Loads.OpenChannel(loadId), "bank");
        PurseId bankId = world.Loads.Find(loadId)!.BankPurse;
        Money money = Money.Of(BankWorld.Eur, (ulong)amount);
        bank.Select();
        uint cardSequence = card.Purse.Select().NextSequenceNumber;
        bank.VerifyCertificate(card.Result.Certificate);
        card.Purse.VerifyCertificate(bank.GetCertificate());
        PaymentDetails pd = bank.StartFrom(card.Id, money, cardSequence);
        ProtectedMessage req = card.Purse.StartTo(bankId, money, pd.FromSeq);
        return (bank, pd, req);
    }

    /// <summary><paramref name="payer"/> pays <paramref name="bank"/> (purse <paramref name="bankId"/>) up to the bank
    /// purse's START TO: the payer waits in epr, the bank purse in epv for a val that never comes.</summary>
    public static PaymentDetails IntoBank(PurseCard bank, PurseId bankId, WorldCard payer, long amount)
    {
        Money money = Money.Of(BankWorld.Eur, (ulong)amount);
        uint bankSequence = bank.Select().NextSequenceNumber;
        payer.Purse.Select();
        bank.VerifyCertificate(payer.Result.Certificate);
        payer.Purse.VerifyCertificate(bank.GetCertificate());
        PaymentDetails pd = payer.Purse.StartFrom(bankId, money, bankSequence);
        bank.StartTo(payer.Id, money, pd.FromSeq);
        return pd;
    }
}
