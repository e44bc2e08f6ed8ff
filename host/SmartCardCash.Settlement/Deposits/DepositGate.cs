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
/// purse, in the deposit's currency, and only while the deposit is open; VAL only of a payment from the merchant purse
/// to this bank purse; RESUME only while the bank purse waits for this deposit's val (its pending req is then this
/// deposit's: otherwise it would be another payment's). Refused commands answer 6900 and never reach the purse.
/// </remarks>
internal static class DepositGate
{
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
            PurseInstruction.StartTo => deposit.IsOpen && GateData.Start(apdu) is { } start &&
                start.Peer == deposit.MerchantPurse && start.Currency == deposit.Currency.Code,
            PurseInstruction.Val => GateData.Payment(apdu, MessageType.Val) is { } pd &&
                pd.From == deposit.MerchantPurse && pd.To == deposit.BankPurse && pd.Currency == deposit.Currency.Code,
            PurseInstruction.Resume => purseState == TransferState.ExpectingVal,
            _ => true,
        };
        return allowed ? null : StatusWord.CommandNotAllowed;
    }
}
