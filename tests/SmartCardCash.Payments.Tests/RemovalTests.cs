using SmartCardCash.Payments.Tests.Support;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Payments.Tests;

/// <summary>
/// A card removed (or its answer lost) at every APDU of a payment, on both cards: before the card sees the command,
/// after it processed it (answer lost, card gone), and a glitch that loses the answer while the card stays. Each time
/// the outcome must be true of the cards read back afterwards, all value must be accounted for, and recovery with
/// both cards back must settle the payment.
/// </summary>
public sealed class RemovalTests
{
    private const uint AliceStart = 10_000;
    private const uint Amount = 1_250;

    /// <summary>The exchanges of a clean payment on each card, in order (checked by PaymentTests as well).</summary>
    private static readonly byte[] PayerSequence =
        [PurseInstruction.Select, PurseInstruction.GetData, PurseInstruction.VerifyCertificate, PurseInstruction.StartFrom,
         PurseInstruction.Req, PurseInstruction.Ack];

    private static readonly byte[] PayeeSequence =
        [PurseInstruction.Select, PurseInstruction.GetData, PurseInstruction.VerifyCertificate, PurseInstruction.StartTo,
         PurseInstruction.Val];

    public static TheoryData<PaymentParty, int, FaultKind, PaymentOutcomeKind> Cases()
    {
        var data = new TheoryData<PaymentParty, int, FaultKind, PaymentOutcomeKind>();
        foreach (FaultKind kind in Enum.GetValues<FaultKind>())
        {
            for (int i = 0; i < PayerSequence.Length; i++)
            {
                data.Add(PaymentParty.Payer, i, kind, Expected(PayerSequence[i], kind));
            }
            for (int i = 0; i < PayeeSequence.Length; i++)
            {
                data.Add(PaymentParty.Payee, i, kind, Expected(PayeeSequence[i], kind));
            }
        }
        return data;
    }

    /// <summary>
    /// What the run must end in: before START TO nothing can be debited; a lost REQ or VAL leaves value in flight
    /// unless the card stays reachable, when RESUME finishes it; a lost ACK leaves the payee credited.
    /// </summary>
    private static PaymentOutcomeKind Expected(byte instruction, FaultKind kind) => (instruction, kind) switch
    {
        (PurseInstruction.StartTo or PurseInstruction.Req or PurseInstruction.Val or PurseInstruction.Ack, FaultKind.LoseAnswer) =>
            PaymentOutcomeKind.Completed,
        (PurseInstruction.Req or PurseInstruction.Val, _) => PaymentOutcomeKind.Interrupted,
        (PurseInstruction.Ack, _) => PaymentOutcomeKind.CompletedAwaitingAcknowledgement,
        _ => PaymentOutcomeKind.NotStarted,
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_failure_at_any_exchange_gives_a_true_outcome_loses_no_value_and_recovery_settles_it(
        PaymentParty side, int index, FaultKind kind, PaymentOutcomeKind expected)
    {
        var world = new PaymentWorld();
        TestCard bank = world.Bank("bank", 100_000);
        TestCard alice = world.Customer("alice", AliceStart, bank);
        TestCard bob = world.Customer("bob");
        TestCard faulty = side == PaymentParty.Payer ? alice : bob;
        byte[] sequence = side == PaymentParty.Payer ? PayerSequence : PayeeSequence;
        int first = faulty.Channel.Sent.Count;
        faulty.Channel.FailAt(index, kind);

        PaymentOutcome outcome = world.Pay(alice, bob, Amount);

        Assert.True(faulty.Channel.Fired);
        Assert.Equal(sequence[index], faulty.Channel.Sent[first + index][1]);
        Assert.True(outcome.Kind == expected, $"{outcome.Kind}: {outcome.Summary}");

        // (a) the outcome is true and (b) all value is accounted for, read from the cards put back.
        PurseSnapshot payer = alice.Read(), payee = bob.Read();
        OutcomeAudit.AssertTrue(outcome, payer, payee, AliceStart, 0);
        Assert.Equal(AliceStart, Ledger.Accounted([payer, payee]));
        bool debited = payer.Balance < AliceStart;

        // (c) recovery with both cards back settles it, keeps every cent, and a second recovery finds nothing.
        PaymentOutcome recovered = world.Coordinator.Recover(alice.Purse, bob.Purse);
        PurseSnapshot payerAfter = alice.Read(), payeeAfter = bob.Read();
        Assert.Equal((TransferState.Idle, TransferState.Idle), (payerAfter.State, payeeAfter.State));
        Assert.Equal(AliceStart, Ledger.Accounted([payerAfter, payeeAfter]));
        if (recovered.Kind != PaymentOutcomeKind.NothingToRecover)
        {
            OutcomeAudit.AssertTrue(recovered, payerAfter, payeeAfter, AliceStart, 0);
        }
        if (debited)
        {
            Assert.True(recovered.Kind is PaymentOutcomeKind.Completed or PaymentOutcomeKind.ValueLogged or PaymentOutcomeKind.NothingToRecover,
                $"{recovered.Kind}: {recovered.Summary}");
            // Nothing to recover only when the payment had completed on both cards already.
            Assert.True(recovered.Kind != PaymentOutcomeKind.NothingToRecover || (payee.Balance == Amount && payer.State == TransferState.Idle),
                $"{recovered.Kind}: {recovered.Summary}");
        }
        Assert.Equal(PaymentOutcomeKind.NothingToRecover, world.Coordinator.Recover(alice.Purse, bob.Purse).Kind);
    }
}
