using SmartCardCash.CardAccess;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Cli.Tests.Support;

/// <summary>Reading and setting up the emulated cards of a <see cref="PurseHome"/> through the library.</summary>
internal static class PaymentCards
{
    public static uint Balance(PurseHome home, string card)
    {
        using CardConnection connection = home.Cards.Open(card);
        PurseCard purse = PurseCard.Open(connection.Channel, connection.DisplayName);
        purse.Select();
        return purse.GetBalances().Single(b => b.Currency == Currency.Eur.Code).Balance;
    }

    public static TransferState State(PurseHome home, string card)
    {
        using CardConnection connection = home.Cards.Open(card);
        PurseCard purse = PurseCard.Open(connection.Channel, connection.DisplayName);
        purse.Select();
        return purse.GetPendingTransfer().State;
    }

    /// <summary>
    /// A payment run by hand up to (not including) <paramref name="stopBefore"/> (REQ or VAL): the cards stay as an
    /// interruption leaves them. Any other value runs the whole payment.
    /// </summary>
    public static void StartAndStop(PurseHome home, string from, string to, uint cents, byte stopBefore)
    {
        using CardConnection payerCard = home.Cards.Open(from);
        using CardConnection payeeCard = home.Cards.Open(to);
        PurseCard payer = PurseCard.Open(payerCard.Channel, payerCard.DisplayName), payee = PurseCard.Open(payeeCard.Channel, payeeCard.DisplayName);
        payer.Select();
        uint payeeSequence = payee.Select().NextSequenceNumber;
        PurseCertificate payerCertificate = payer.GetCertificate(), payeeCertificate = payee.GetCertificate();
        payer.VerifyCertificate(payeeCertificate);
        payee.VerifyCertificate(payerCertificate);
        PaymentDetails pd = payer.StartFrom(payeeCertificate.Body.Holder, Money.Of(Currency.Eur, cents), payeeSequence);
        ProtectedMessage req = payee.StartTo(payerCertificate.Body.Holder, Money.Of(Currency.Eur, cents), pd.FromSeq);
        if (stopBefore == PurseInstruction.Req)
        {
            return;
        }
        ProtectedMessage val = payer.Req(req);
        if (stopBefore == PurseInstruction.Val)
        {
            return;
        }
        payer.Ack(payee.Val(val));
    }
}
