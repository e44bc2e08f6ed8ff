using SmartCardCash.Iso7816;
using SmartCardCash.Purse.Gates;
using SmartCardCash.Purse.Spec;
using SmartCardCash.Settlement.BankPurses;

namespace SmartCardCash.Settlement.Loads;

/// <summary>
/// What a terminal may send to the bank purse that pays a load: only what paying exactly the authorised amount, in the
/// authorised currency, to the authorised purse needs. Everything else is answered <b>6900</b> and never reaches the
/// purse.
/// </summary>
/// <remarks>
/// <para>Allowed (CLA, INS, P1, P2 exactly), all but SELECT only after this session's SELECT of the purse:</para>
/// <list type="bullet">
/// <item>SELECT of the purse AID; GET RESPONSE; GET DATA purse certificate (03) and pending transfer (06); RESUME
/// (<see cref="PayeeCommandGate.SessionCommand"/>, as a payee's gate allows them).</item>
/// <item>VERIFY CERTIFICATE of the authorised payee's certificate only (the purse itself checks the issuer's signature).</item>
/// <item>START FROM with exactly the payee purse ID, currency and amount and no order digest, and only while no value
/// has left the purse for this load (a second start after the debit would abort the payment in epa and pay again).</item>
/// <item>REQ for a payment from this purse to the payee of exactly the amount, only before the debit; ACK of such a
/// payment.</item>
/// <item>Until the purse has started this load, GET DATA pending and RESUME are answered by the gate as an idle purse
/// with nothing pending: the purse's own answer would show the payment it served before.</item>
/// </list>
/// <para>Refused: ABORT (the bank ends its own purse's transfers, <see cref="BankLoads.End"/>), READ LOG, GET DATA of
/// status, balances or limits, START TO, VAL, lock-code, issuer and personalisation commands, other applications and
/// classes. A command that is not a short APDU gets 6700.</para>
/// </remarks>
internal static class LoadGate
{
    /// <summary>Null when the command may reach the purse; otherwise the gate's own answer (<see cref="GateAnswer"/>).</summary>
    public static byte[]? Answer(byte[] command, Load load, BankPurseRow purse, bool selected)
    {
        if (Check(command, load, purse.PurseId, selected) is StatusWord refused)
        {
            return GateAnswer.Refused(refused);
        }
        // Until the purse starts this load (epr), its pending transfer and message are the previous payment's.
        bool started = load.State != LoadState.Authorised || purse.TransferState != TransferState.Idle;
        return !started && GateAnswer.AsksPending(command) ? GateAnswer.NothingPendingYet(command) : null;
    }

    public static StatusWord? Check(byte[] command, Load load, PurseId bankPurse, bool selected)
    {
        if (!CommandApdu.TryParse(command, out CommandApdu? apdu) || apdu is null || apdu.IsExtended)
        {
            return StatusWord.WrongLength;
        }
        bool beforeDebit = load.State == LoadState.Authorised;
        bool allowed = PayeeCommandGate.SessionCommand(apdu, selected) ?? (apdu.Cla, apdu.Ins, apdu.P1, apdu.P2) switch
        {
            (PurseInstruction.ProprietaryClass, PurseInstruction.VerifyCertificate, 0x00, PurseInstruction.VerifyCertificateP2) =>
                selected && GateData.CertificateHolder(apdu) == load.Payee,
            (PurseInstruction.ProprietaryClass, PurseInstruction.StartFrom, 0x00, 0x00) =>
                selected && beforeDebit && GateData.Start(apdu) == (load.Payee, load.Currency.Code, (uint)load.Amount),
            (PurseInstruction.ProprietaryClass, PurseInstruction.Req, 0x00, 0x00) =>
                selected && beforeDebit && IsThePayment(GateData.Payment(apdu, MessageType.Req), load, bankPurse),
            (PurseInstruction.ProprietaryClass, PurseInstruction.Ack, 0x00, 0x00) =>
                selected && IsThePayment(GateData.Payment(apdu, MessageType.Ack), load, bankPurse),
            _ => false,
        };
        return allowed ? null : StatusWord.CommandNotAllowed;
    }

    /// <summary>Whether <paramref name="pd"/> pays exactly the load: from the bank purse to the payee, its amount and currency.</summary>
    public static bool IsThePayment(PaymentDetails? pd, Load load, PurseId bankPurse) =>
        pd is not null && pd.From == bankPurse && pd.To == load.Payee && pd.Currency == load.Currency.Code && pd.Value == load.Amount;
}
