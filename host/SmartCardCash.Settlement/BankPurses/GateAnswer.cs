using SmartCardCash.Iso7816;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Settlement.BankPurses;

/// <summary>
/// The answers a bank purse's gate gives itself, without the purse: a refusal, or, while the purse has not yet started
/// the gate's own payment, what an idle purse with nothing pending says. Until then the purse's pending transfer and
/// pending message are those of the payment it served before, another customer's, which no terminal may read.
/// </summary>
internal static class GateAnswer
{
    public static byte[] Refused(StatusWord status) => new ResponseApdu(status).ToBytes();

    /// <summary>Whether <paramref name="command"/> asks for the pending transfer (GET DATA 06) or message (RESUME).</summary>
    public static bool AsksPending(byte[] command) => command.Length >= 4 && command[0] == PurseInstruction.ProprietaryClass &&
        (command[1] == PurseInstruction.Resume || (command[1] == PurseInstruction.GetData && command[3] == (byte)PurseDataObject.PendingTransfer));

    /// <summary>GET DATA pending: idle, no payment details; RESUME: 6A88, nothing to resume. Both true of this payment.</summary>
    public static byte[] NothingPendingYet(byte[] command) => command[1] == PurseInstruction.Resume
        ? Refused(StatusWord.ReferencedDataNotFound)
        : new ResponseApdu(new PurseTlvBuilder().AddByte(PurseTag.TransferState, (byte)TransferState.Idle).ToArray(), StatusWord.Success).ToBytes();
}
