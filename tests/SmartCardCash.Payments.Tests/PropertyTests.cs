using CsCheck;
using SmartCardCash.Iso7816.Errors;

namespace SmartCardCash.Payments.Tests;

/// <summary>
/// Random payments among four purses with random failures at random exchanges, random recoveries (themselves failing
/// at times) and abandonments: value is conserved after every step, no outcome claims what did not happen, and
/// recovering everything at the end leaves every purse idle with every cent accounted for.
/// </summary>
public sealed class PropertyTests
{
    private const uint Minted = 100_000;

    private static readonly Gen<RandomStep> Step =
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 3], Gen.UInt[1, 25_000], Gen.Int[-1, 1], Gen.Int[0, 12], Gen.Enum<FaultKind>(),
            Gen.Int[0, 2], Gen.Int[-1, 10])
        .Select(t => new RandomStep(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, t.Item6, t.Item7, t.Item8));

    [Fact]
    public void Random_payments_with_random_removals_and_recoveries_conserve_value_and_never_claim_a_false_completion()
    {
        Step.Array[1, 6].Sample(steps =>
        {
            var world = new PaymentWorld();
            var archive = new PaymentArchive();
            TestCard bank = world.Bank("bank", Minted);
            TestCard[] purses = [bank, world.Customer("c1", 20_000, bank), world.Customer("c2", 20_000, bank), world.Customer("c3", 20_000, bank)];
            foreach (RandomStep step in steps)
            {
                if (step.Payer == step.Payee)
                {
                    continue;
                }
                TestCard payer = purses[step.Payer], payee = purses[step.Payee];
                PurseSnapshot[] before = [.. purses.Select(p => p.Read())];
                if (step.FaultSide >= 0)
                {
                    (step.FaultSide == 0 ? payer : payee).Channel.FailAt(step.FaultIndex, step.Fault);
                }

                PaymentOutcome outcome = world.Pay(payer, payee, step.Amount);

                PurseSnapshot[] after = [.. purses.Select(p => p.Read())];
                OutcomeAudit.AssertTrue(outcome, after[step.Payer], after[step.Payee], before[step.Payer].Balance, before[step.Payee].Balance);
                Assert.Equal(Minted, Ledger.Accounted(after, archive));

                if (step.FollowUp == 1)
                {
                    if (step.RecoveryFaultIndex >= 0)
                    {
                        (step.RecoveryFaultIndex % 2 == 0 ? payer : payee).Channel.FailAt(step.RecoveryFaultIndex / 2, step.Fault);
                    }
                    TryRecover(world, payer, payee);
                }
                else if (step.FollowUp == 2)
                {
                    payer.Reinsert();
                    world.Coordinator.Abandon(payer.Purse);
                }
                Assert.Equal(Minted, Ledger.Accounted([.. purses.Select(p => p.Read())], archive));
            }

            // Everything back in, every pair recovered: all idle, every cent accounted for.
            foreach (TestCard payer in purses)
            {
                foreach (TestCard payee in purses.Where(p => p != payer))
                {
                    // With every card present and nothing failing, recovery never leaves a payment hanging.
                    PaymentOutcome? outcome = TryRecover(world, payer, payee);
                    Assert.True(outcome?.Kind is not (PaymentOutcomeKind.Interrupted or PaymentOutcomeKind.CompletedAwaitingAcknowledgement),
                        outcome?.Summary);
                }
            }
            PurseSnapshot[] end = [.. purses.Select(p => p.Read())];
            Assert.All(end, p => Assert.Equal(TransferState.Idle, p.State));
            Assert.Equal(Minted, Ledger.Accounted(end, archive));
        }, iter: 40);
    }

    private static PaymentOutcome? TryRecover(PaymentWorld world, TestCard payer, TestCard payee)
    {
        try
        {
            return world.Coordinator.Recover(payer.Purse, payee.Purse);
        }
        catch (CardCommunicationException)
        {
            // A card failed before recovery could even look: nothing was done.
            return null;
        }
        finally
        {
            payer.Reinsert();
            payee.Reinsert();
        }
    }
}
