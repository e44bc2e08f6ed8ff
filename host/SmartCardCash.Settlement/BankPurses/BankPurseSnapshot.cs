using SmartCardCash.Emulator;
using SmartCardCash.Emulator.Images;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Settlement.BankPurses;

/// <summary>
/// What a bank purse's card image says: its balance in the pool's currency, its transfer state and the payment it is
/// in or last took part in, and how many records its exception log holds. Read by a throwaway card made from the image (SELECT, GET DATA), so the live card serving
/// the payment keeps its session untouched.
/// </summary>
internal sealed record BankPurseSnapshot(long Balance, TransferState State, PaymentDetails? Payment, int ExceptionRecords = 0)
{
    public static BankPurseSnapshot Read(byte[] image, Currency currency)
    {
        EmulatedCard card = CardImage.Parse(image).CreateCard(BankPurseCard.Catalog);
        using EmulatedCardChannel channel = card.OpenChannel("bank purse image");
        PurseCard purse = PurseCard.Open(channel);
        purse.Select();
        uint balance = purse.GetBalances().Single(b => b.Currency == currency.Code).Balance;
        PendingTransfer pending = purse.GetPendingTransfer();
        return new BankPurseSnapshot(balance, pending.State, pending.Details, purse.GetStatus().ExceptionLogCount);
    }
}
