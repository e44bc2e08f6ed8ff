using SmartCardCash.Emulator;
using SmartCardCash.Iso7816;
using SmartCardCash.Purse;

namespace SmartCardCash.Payments.Tests.Wording;

/// <summary>Tampered and refused messages, aborts refused, a payee behind a listener's gate, cards swapped in the
/// reader, and full transaction logs.</summary>
internal static class MessageScenarios
{
    private const uint Amount = 1_250;

    /// <summary>A message answered for other payment details (once), or refused every time, with or without the
    /// clean-up ABORT failing too.</summary>
    public static void Tampering(Transcript transcript)
    {
        (string Name, bool OnPayer, byte Instruction, bool Once, bool AbortOnPayer)[] cases =
        [
            ("START FROM answered for another amount", true, PurseInstruction.StartFrom, true, true),
            ("START TO answered for another amount", false, PurseInstruction.StartTo, true, true),
            ("START TO answered for another amount, the payee's clean-up failing", false, PurseInstruction.StartTo, true, false),
            ("a REQ the payer refuses", true, PurseInstruction.Req, false, false),
            ("a VAL the payee refuses", false, PurseInstruction.Val, false, true),
            ("an ACK the payer refuses", true, PurseInstruction.Ack, false, true),
        ];
        foreach (FaultKind? cleanupFault in new FaultKind?[] { null, FaultKind.RemoveBefore, FaultKind.RemoveAfter, FaultKind.LoseAnswer })
        {
            string after = cleanupFault is { } f ? $", the clean-up ABORT failing ({f})" : "";
            foreach ((string name, bool onPayer, byte instruction, bool once, bool abortOnPayer) in cases)
            {
                Stage s = new(transcript, name + after);
                TestCard tampered = onPayer ? s.Alice : s.Bob;
                CardTricks.Tamper(tampered, instruction, once ? CardTricks.AnotherAmount : CardTricks.FlipSignature, once);
                CardTricks.FailAbort(abortOnPayer ? s.Alice : s.Bob, cleanupFault);
                s.Pay(s.Alice, s.Bob, Amount);
                if (!once)
                {
                    tampered.Channel.Rewrite = null;
                }
                s.RecoverTwice();
            }
        }
    }

    /// <summary>The same refusals, repeated by the cards in recovery too; and a payer that lets no ABORT through.</summary>
    public static void RefusedAgain(Transcript transcript)
    {
        foreach ((string name, bool payer, byte instruction) in new[]
        {
            ("REQ", true, PurseInstruction.Req), ("VAL", false, PurseInstruction.Val), ("ACK", true, PurseInstruction.Ack),
        })
        {
            foreach (byte stop in new[] { PurseInstruction.Req, PurseInstruction.Val, PurseInstruction.Ack })
            {
                Stage s = new(transcript, $"stopped before {stop:X2}, recovered while every {name} is refused");
                PaymentWorld.StartAndStop(s.Alice, s.Bob, Amount, stop);
                CardTricks.Tamper(payer ? s.Alice : s.Bob, instruction, CardTricks.FlipSignature, once: false);
                s.Step("recover", c => c.Recover(s.Alice.Purse, s.Bob.Purse));
                (payer ? s.Alice : s.Bob).Channel.Rewrite = null;
                s.RecoverTwice();
            }
            Stage paid = new(transcript, $"a payment and its recovery while every {name} is refused");
            CardTricks.Tamper(payer ? paid.Alice : paid.Bob, instruction, CardTricks.FlipSignature, once: false);
            paid.Pay(paid.Alice, paid.Bob, Amount);
            paid.Step("recover", c => c.Recover(paid.Alice.Purse, paid.Bob.Purse));
            (payer ? paid.Alice : paid.Bob).Channel.Rewrite = null;
            paid.RecoverTwice();
        }

        PurseCard NoAbort(TestCard card) => PurseCard.Open(new RefusingChannel(card.Channel, PurseInstruction.Abort, new StatusWord(0x6985)), card.Name);

        Stage both = new(transcript, "a VAL the gated payee refuses, the payer refusing ABORT too");
        CardTricks.Tamper(both.Bob, PurseInstruction.Val, CardTricks.FlipSignature, once: false);
        both.Pay(NoAbort(both.Alice), CardTricks.Gate(both.Bob), Amount);
        both.Bob.Channel.Rewrite = null;
        both.RecoverTwice();

        Stage aborted = new(transcript, "payer epa, payee aborted: recovery with a payer refusing ABORT");
        PaymentWorld.StartAndStop(aborted.Alice, aborted.Bob, Amount, PurseInstruction.Val);
        aborted.Bob.Purse.Select();
        aborted.Bob.Purse.Abort();
        aborted.Step("recover", c => c.Recover(NoAbort(aborted.Alice), aborted.Bob.Purse));
        aborted.Step("abandon", c => c.Abandon(NoAbort(aborted.Alice)));
        aborted.RecoverTwice();

        Stage epr = new(transcript, "payer epr alone: recovery with a payer refusing ABORT");
        PaymentWorld.StartAndStop(epr.Alice, epr.Bob, Amount, PurseInstruction.StartTo);
        epr.Step("recover", c => c.Recover(NoAbort(epr.Alice), epr.Bob.Purse));
        epr.RecoverTwice();

        foreach ((string name, byte instruction, bool payee) in new[]
        {
            ("START FROM answered for another amount", PurseInstruction.StartFrom, false),
            ("START TO answered for another amount", PurseInstruction.StartTo, true),
        })
        {
            Stage s = new(transcript, $"{name}, the payer refusing ABORT");
            CardTricks.Tamper(payee ? s.Bob : s.Alice, instruction, CardTricks.AnotherAmount, once: true);
            s.Pay(NoAbort(s.Alice), s.Bob.Purse, Amount);
            s.RecoverTwice();
        }
        Stage lost = new(transcript, "START FROM's answer lost, the payer refusing ABORT");
        CardTricks.FailAt(lost.Alice, PurseInstruction.StartFrom, FaultKind.LoseAnswer);
        lost.Pay(NoAbort(lost.Alice), lost.Bob.Purse, Amount);
        lost.RecoverTwice();
    }

    /// <summary>Purses whose transaction logs are full: a record that is not there may have been pushed out.</summary>
    public static void FullLogs(Transcript transcript)
    {
        foreach (FaultKind kind in Enum.GetValues<FaultKind>())
        {
            foreach ((bool onPayer, int count) in new[] { (true, 14), (false, 12) })
            {
                for (int index = 0; index < count; index++)
                {
                    Stage s = new(transcript, $"full logs: {kind} at exchange {index} of the {(onPayer ? "payer" : "payee")}");
                    for (int i = 0; i < 11; i++)
                    {
                        s.World.Pay(s.Alice, s.Bob, 1);
                    }
                    (onPayer ? s.Alice : s.Bob).Channel.FailAt(index, kind);
                    s.Pay(s.Alice, s.Bob, Amount);
                    s.RecoverTwice();
                }
            }
        }
        foreach (byte stop in new[] { PurseInstruction.StartTo, PurseInstruction.Req, PurseInstruction.Val, PurseInstruction.Ack })
        {
            foreach (bool payerAborts in new[] { false, true })
            {
                Stage s = new(transcript, $"full logs: stopped before {stop:X2}{(payerAborts ? ", payer aborted" : "")}");
                for (int i = 0; i < 11; i++)
                {
                    s.World.Pay(s.Alice, s.Bob, 1);
                }
                PaymentWorld.StartAndStop(s.Alice, s.Bob, Amount, stop);
                if (payerAborts)
                {
                    s.Alice.Purse.Select();
                    s.Alice.Purse.Abort();
                }
                s.RecoverTwice();
            }
        }
    }

    /// <summary>bob behind a payee listener's gate: no ABORT, no READ LOG reaches him.</summary>
    public static void Gated(Transcript transcript)
    {
        Stage clean = new(transcript, "gated payee: a clean payment");
        clean.Pay(clean.Alice.Purse, CardTricks.Gate(clean.Bob), Amount);
        foreach (FaultKind kind in Enum.GetValues<FaultKind>())
        {
            foreach ((bool onPayer, int count) in new[] { (true, 8), (false, 8) })
            {
                for (int index = 0; index < count; index++)
                {
                    Stage s = new(transcript, $"gated payee: {kind} at exchange {index} of the {(onPayer ? "payer" : "payee")}");
                    PurseCard bob = CardTricks.Gate(s.Bob);
                    (onPayer ? s.Alice : s.Bob).Channel.FailAt(index, kind);
                    s.Pay(s.Alice.Purse, bob, Amount);
                    s.RecoverTwice(bob);
                    s.RecoverTwice();
                }
            }
        }
        foreach ((string name, byte instruction, bool payer) in new[]
        {
            ("a VAL the payee refuses", PurseInstruction.Val, false), ("a REQ the payer refuses", PurseInstruction.Req, true),
            ("START TO answered for another amount", PurseInstruction.StartTo, false),
        })
        {
            Stage s = new(transcript, $"gated payee: {name}");
            PurseCard bob = CardTricks.Gate(s.Bob);
            CardTricks.Tamper(payer ? s.Alice : s.Bob, instruction, instruction == PurseInstruction.StartTo ? CardTricks.AnotherAmount : CardTricks.FlipSignature,
                once: instruction == PurseInstruction.StartTo);
            s.Pay(s.Alice.Purse, bob, Amount);
            s.Alice.Channel.Rewrite = s.Bob.Channel.Rewrite = null;
            s.RecoverTwice(bob);
            s.RecoverTwice();
        }
        foreach ((string stop, byte before, bool payerAborted) in new[]
        {
            ("payer epr, payee epv", PurseInstruction.Req, false), ("payer epa, payee epv", PurseInstruction.Val, false),
            ("payer epa, payee credited", PurseInstruction.Ack, false), ("payer aborted, payee epv", PurseInstruction.Req, true),
            ("payer aborted in epa, payee epv", PurseInstruction.Val, true),
        })
        {
            Stage s = new(transcript, $"gated payee: recovery from {stop}");
            PaymentWorld.StartAndStop(s.Alice, s.Bob, Amount, before);
            if (payerAborted)
            {
                s.Alice.Purse.Select();
                s.Alice.Purse.Abort();
            }
            s.RecoverTwice(CardTricks.Gate(s.Bob));
            s.Step("abandon the gated payee", c => c.Abandon(CardTricks.Gate(s.Bob)));
            s.RecoverTwice();
        }
    }

    /// <summary>A reader whose card is swapped for another purse, or for a card with no purse, while recovery asks it.</summary>
    public static void Swapped(Transcript transcript)
    {
        foreach (bool payer in new[] { true, false })
        {
            foreach (string replacement in new[] { "carol", "a card with no purse", "a blank purse" })
            {
                foreach (byte instruction in new[] { PurseInstruction.Req, PurseInstruction.Val, PurseInstruction.Ack })
                {
                    string side = payer ? "payer" : "payee";
                    Stage s = new(transcript, $"the {side}'s card swapped for {replacement} after {instruction:X2}'s answer is lost");
                    TestCard swapped = payer ? s.Alice : s.Bob;
                    TestCard? carol = replacement switch
                    {
                        "carol" => s.Add(s.World.Customer("carol")),
                        "a blank purse" => s.Add(s.World.Blank("blank")),
                        _ => null,
                    };
                    var other = new EmulatedCard(CardProfile.FromSeed(InterfaceProfile.ContactT1, 99));
                    var channel = new SwappingChannel(swapped.Channel, carol is not null ? carol.Channel : other.OpenChannel(swapped.Name, false));
                    var purse = PurseCard.Open(channel, swapped.Name);
                    swapped.Channel.Rewrite = command =>
                    {
                        if (command[1] == instruction)
                        {
                            swapped.Channel.Rewrite = null;
                            channel.Swap();
                        }
                        return command;
                    };
                    CardTricks.FailAt(swapped, instruction, FaultKind.LoseAnswer);
                    s.Pay(payer ? purse : s.Alice.Purse, payer ? s.Bob.Purse : purse, Amount);
                    s.RecoverTwice();
                }
            }
        }
    }
}
