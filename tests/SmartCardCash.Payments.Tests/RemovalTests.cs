using SmartCardCash.Emulator;

namespace SmartCardCash.Payments.Tests;

/// <summary>
/// A card removed (or its answer lost) at every exchange of a payment, on both cards: before the card sees the
/// command, after it processed it (answer lost, card gone), and a glitch that loses the answer while the card stays.
/// The exchanges are those a clean payment makes, found by running one (so GET RESPONSE on T=0 and VERIFY LOCK CODE
/// are in). Each time the outcome must be true of the cards read back afterwards, all value must be accounted for,
/// and recovery with both cards back must settle the payment.
/// </summary>
public sealed class RemovalTests
{
    private const uint AliceStart = 10_000;
    private const uint Amount = 1_250;

    private static readonly Dictionary<RemovalSetup, (byte[] Payer, byte[] Payee)> Sequences = [];

    public static TheoryData<RemovalSetup, PaymentParty, int, FaultKind, PaymentOutcomeKind> Cases()
    {
        var data = new TheoryData<RemovalSetup, PaymentParty, int, FaultKind, PaymentOutcomeKind>();
        foreach (RemovalSetup setup in Enum.GetValues<RemovalSetup>())
        {
            (byte[] payer, byte[] payee) = SequenceOf(setup);
            foreach (FaultKind kind in Enum.GetValues<FaultKind>())
            {
                for (int i = 0; i < payer.Length; i++)
                {
                    data.Add(setup, PaymentParty.Payer, i, kind, Expected(Logical(payer, i), kind));
                }
                for (int i = 0; i < payee.Length; i++)
                {
                    data.Add(setup, PaymentParty.Payee, i, kind, Expected(Logical(payee, i), kind));
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_failure_at_any_exchange_gives_a_true_outcome_loses_no_value_and_recovery_settles_it(
        RemovalSetup setup, PaymentParty side, int index, FaultKind kind, PaymentOutcomeKind expected)
    {
        (PaymentWorld world, TestCard alice, TestCard bob) = Prepare(setup);
        TestCard faulty = side == PaymentParty.Payer ? alice : bob;
        (byte[] payerSequence, byte[] payeeSequence) = SequenceOf(setup);
        byte[] sequence = side == PaymentParty.Payer ? payerSequence : payeeSequence;
        int first = faulty.Channel.Sent.Count;
        faulty.Channel.FailAt(index, kind);

        PaymentOutcome outcome = Pay(world, setup, alice, bob);

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

    [Fact]
    public void The_sequences_are_the_protocols_and_cover_get_response_and_the_lock_code()
    {
        Assert.Equal([PurseInstruction.Select, PurseInstruction.GetData, PurseInstruction.VerifyCertificate,
            PurseInstruction.StartFrom, PurseInstruction.Req, PurseInstruction.Ack], SequenceOf(RemovalSetup.ContactT1).Payer);
        Assert.Equal([PurseInstruction.Select, PurseInstruction.GetData, PurseInstruction.VerifyCertificate,
            PurseInstruction.StartTo, PurseInstruction.Val], SequenceOf(RemovalSetup.ContactT1).Payee);
        Assert.Contains(PurseInstruction.GetResponse, SequenceOf(RemovalSetup.ContactT0).Payer);
        Assert.Equal(3, SequenceOf(RemovalSetup.ContactT0).Payee.Count(i => i == PurseInstruction.GetResponse));   // SELECT, START TO, VAL
        Assert.Contains(PurseInstruction.VerifyLockCode, SequenceOf(RemovalSetup.ContactlessWithCode).Payer);
    }

    /// <summary>
    /// What the run must end in: before START TO reaches the payee nothing can be debited; a lost REQ or VAL leaves value
    /// in flight unless the card stays reachable, when RESUME finishes it; a lost ACK leaves the payee credited.
    /// </summary>
    private static PaymentOutcomeKind Expected(byte instruction, FaultKind kind) => (instruction, kind) switch
    {
        (PurseInstruction.StartTo or PurseInstruction.Req or PurseInstruction.Val or PurseInstruction.Ack, FaultKind.LoseAnswer) =>
            PaymentOutcomeKind.Completed,
        (PurseInstruction.Req or PurseInstruction.Val, _) => PaymentOutcomeKind.Interrupted,
        (PurseInstruction.Ack, _) => PaymentOutcomeKind.CompletedAwaitingAcknowledgement,
        _ => PaymentOutcomeKind.NotStarted,
    };

    /// <summary>The command an exchange belongs to: a GET RESPONSE fetches the answer of the command before it.</summary>
    private static byte Logical(byte[] sequence, int index)
    {
        while (index > 0 && sequence[index] == PurseInstruction.GetResponse)
        {
            index--;
        }
        return sequence[index];
    }

    private static (PaymentWorld World, TestCard Alice, TestCard Bob) Prepare(RemovalSetup setup)
    {
        var world = new PaymentWorld();
        TestCard bank = world.Bank("bank", 100_000);
        InterfaceProfile payer = setup switch
        {
            RemovalSetup.ContactT0 => InterfaceProfile.ContactT0,
            RemovalSetup.ContactlessWithCode => InterfaceProfile.Contactless,
            _ => InterfaceProfile.ContactT1,
        };
        TestCard alice = world.Issued("alice", PurseClass.Customer, payer);
        world.Load(bank, alice, AliceStart);
        TestCard bob = world.Issued("bob", PurseClass.Customer,
            setup == RemovalSetup.ContactT0 ? InterfaceProfile.ContactT0 : InterfaceProfile.ContactT1);
        return (world, alice, bob);
    }

    private static PaymentOutcome Pay(PaymentWorld world, RemovalSetup setup, TestCard alice, TestCard bob) =>
        world.Pay(alice, bob, Amount, lockCode: setup == RemovalSetup.ContactlessWithCode ? PaymentWorld.LockCode : null);

    /// <summary>The instructions a clean payment sends to each card, from one run.</summary>
    private static (byte[] Payer, byte[] Payee) SequenceOf(RemovalSetup setup)
    {
        lock (Sequences)
        {
            if (!Sequences.TryGetValue(setup, out (byte[], byte[]) sequences))
            {
                (PaymentWorld world, TestCard alice, TestCard bob) = Prepare(setup);
                int payerFirst = alice.Channel.Sent.Count, payeeFirst = bob.Channel.Sent.Count;
                Assert.Equal(PaymentOutcomeKind.Completed, Pay(world, setup, alice, bob).Kind);
                sequences = ([.. alice.Channel.Sent.Skip(payerFirst).Select(c => c[1])], [.. bob.Channel.Sent.Skip(payeeFirst).Select(c => c[1])]);
                Sequences[setup] = sequences;
            }
            return sequences;
        }
    }
}
