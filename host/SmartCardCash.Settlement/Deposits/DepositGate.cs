using SmartCardCash.Iso7816;
using SmartCardCash.Purse.Gates;
using SmartCardCash.Purse.Spec;
using SmartCardCash.Settlement.BankPurses;

namespace SmartCardCash.Settlement.Deposits;

/// <summary>
/// What a merchant's terminal may send to the bank purse that takes its deposit: <see cref="PayeeCommandGate"/>'s list
/// (only what paying into a purse needs; everything else <b>6900</b>), narrowed to this deposit's merchant purse.
/// </summary>
/// <remarks>
/// Beyond the payee gate: VERIFY CERTIFICATE only of the merchant purse's certificate; START TO only from the merchant
/// purse, in the deposit's currency, only while the deposit is open and only on an idle purse (a START TO in epv would
/// abort the deposit's own payment into the purse's exception log: START TO after START TO fills the log); VAL only of a payment from the merchant purse
/// to this bank purse. While the purse is idle, GET DATA pending and RESUME are answered by the gate as an idle purse
/// with nothing pending: the purse's own answer would show the payment it served before. Refused commands answer 6900
/// and never reach the purse.
/// </remarks>
internal static class DepositGate
{
    /// <summary>Null when the command may reach the purse; otherwise the gate's own answer (<see cref="GateAnswer"/>).</summary>
    public static byte[]? Answer(byte[] command, Deposit deposit, BankPurseRow purse, bool selected)
    {
        if (Check(command, deposit, purse.TransferState, selected) is StatusWord refused)
        {
            return GateAnswer.Refused(refused);
        }
        // Until the purse starts this deposit (epv), its pending transfer and message are the previous payment's.
        return purse.TransferState == TransferState.Idle && GateAnswer.AsksPending(command) ? GateAnswer.NothingPendingYet(command) : null;
    }

    public static StatusWord? Check(byte[] command, Deposit deposit, TransferState purseState, bool selected)
    {
        if (PayeeCommandGate.Check(command, selected) is StatusWord refused)
        {
            return refused;
        }
        CommandApdu apdu = CommandApdu.Parse(command);
        bool allowed = apdu.Ins switch
        {
            PurseInstruction.VerifyCertificate => GateData.CertificateHolder(apdu) == deposit.MerchantPurse,
            PurseInstruction.StartTo => deposit.IsOpen && purseState == TransferState.Idle && GateData.Start(apdu) is { } start &&
                start.Peer == deposit.MerchantPurse && start.Currency == deposit.Currency.Code,
            PurseInstruction.Val => GateData.Payment(apdu, MessageType.Val) is { } pd &&
                pd.From == deposit.MerchantPurse && pd.To == deposit.BankPurse && pd.Currency == deposit.Currency.Code,
            _ => true,
        };
        return allowed ? null : StatusWord.CommandNotAllowed;
    }
}
