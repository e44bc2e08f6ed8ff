using SmartCardCash.Emulator;
using SmartCardCash.Iso7816;
using SmartCardCash.Payments.Tests.Support;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Issuing;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Purse.Personalisation;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Payments.Tests.Wording;

/// <summary>Refusals, forced starts over unfinished transfers, tampered messages, a payee behind a listener's gate, and
/// cards swapped in the reader.</summary>
internal static class SpecialScenarios
{
    private const uint Amount = 1_250;

    public static void Refusals(Transcript transcript)
    {
        Stage s = new(transcript, "insufficient funds");
        s.Pay(s.Alice, s.Bob, 15_000);

        s = new(transcript, "above the payer's transaction limit");
        s.World.Load(s.Bank, s.Alice, 20_000);
        s.Pay(s.Alice, s.Bob, 25_000);

        s = new(transcript, "above the payee's maximum balance");
        s.World.Load(s.Bank, s.Bob, 45_000);
        s.Pay(s.Bank, s.Bob, 6_000);

        s = new(transcript, "a currency the payee does not hold");
        TestCard pounds = s.Add(s.World.Issued("pounds", PurseClass.Customer,
            request: PersonalisationRequest.WithDefaultLimits(PurseClass.Customer, [Currency.Gbp.Code], PaymentWorld.LockCode)));
        s.Pay(s.Alice, pounds, 100);

        s = new(transcript, "a merchant paying a merchant");
        TestCard shop = s.Add(s.World.Issued("shop", PurseClass.Merchant));
        s.World.Load(s.Bank, shop, 1_000);
        TestCard other = s.Add(s.World.Issued("other", PurseClass.Merchant));
        s.Pay(shop, other, 100);

        s = new(transcript, "a locked payer, then paid by the payee");
        s.Alice.Purse.Select();
        s.Alice.Purse.Lock(PaymentWorld.LockCode);
        s.Pay(s.Alice, s.Bob, 100);
        s.Pay(s.Bob, s.Alice, 100);

        s = new(transcript, "contactless above the limit: no code, wrong codes until blocked");
        TestCard tap = s.Add(s.World.Issued("tap", PurseClass.Customer, InterfaceProfile.Contactless));
        s.World.Load(s.Bank, tap, 10_000);
        s.Pay(tap, s.Bob, 6_000);
        s.Pay(tap, s.Bob, 6_000, lockCode: "9999");
        s.Pay(tap, s.Bob, 6_000, lockCode: "9999");
        s.Pay(tap, s.Bob, 6_000, lockCode: "9999");
        s.Pay(tap, s.Bob, 6_000, lockCode: PaymentWorld.LockCode);

        s = new(transcript, "hotlisted payee, then hotlisted payer");
        s.World.Policy = new PaymentPolicy(s.World.Issuer.Certificate, Hotlist.Parse($"# cloned\n{s.Bob.Id}\n", "hotlist.txt"), s.World.Time);
        s.Pay(s.Alice, s.Bob, 100);
        s.Pay(s.Bob, s.Alice, 100);

        s = new(transcript, "a certificate expired by the terminal's clock");
        TestCard shortLived = s.Add(s.World.Issued("brief", PurseClass.Customer,
            request: PersonalisationRequest.WithDefaultLimits(PurseClass.Customer, [Currency.Eur.Code], PaymentWorld.LockCode) with { ValidityYears = 1 }));
        s.World.Policy = new PaymentPolicy(s.World.Issuer.Certificate, null, new FixedTime(FixedTime.Instant.AddYears(2)));
        s.Pay(shortLived, s.Bob, 100);
        s.Pay(s.Bob, shortLived, 100);

        s = new(transcript, "a certificate expired by the counterparty's trusted date");
        TestCard brief = s.Add(s.World.Issued("brief", PurseClass.Customer,
            request: PersonalisationRequest.WithDefaultLimits(PurseClass.Customer, [Currency.Eur.Code], PaymentWorld.LockCode) with { ValidityYears = 1 }));
        s.World.Load(s.Bank, brief, 1_000);
        var later = new PursePersonaliser(s.World.Issuer, s.World.Serials, new FixedTime(FixedTime.Instant.AddYears(2)));
        TestCard future = s.Add(s.World.Blank("future"));
        future.Result = later.Personalise(future.Purse,
            PersonalisationRequest.WithDefaultLimits(PurseClass.Customer, [Currency.Eur.Code], PaymentWorld.LockCode));
        s.Pay(brief, future, 100);

        s = new(transcript, "a purse of another issuer");
        var strangeIssuer = Issuer.FromKeyPair(new IssuerId(0x0BADBEEF), P256KeyPair.FromPrivateKeyHex(
            "1F5E4D3C2B1A09F8E7D6C5B4A392817065544332211000FFEEDDCCBBAA998877"), PaymentWorld.Today);
        TestCard mallory = s.Add(s.World.Blank("mallory"));
        mallory.Result = new PursePersonaliser(strangeIssuer, new SequentialSerials(), s.World.Time).Personalise(mallory.Purse,
            PersonalisationRequest.WithDefaultLimits(PurseClass.Customer, [Currency.Eur.Code], PaymentWorld.LockCode));
        s.Pay(s.Alice, mallory, 100);
        s.Pay(mallory, s.Alice, 100);

        s = new(transcript, "the same purse on both sides");
        s.Pay(s.Alice, s.Alice, 100);

        s = new(transcript, "a blocked payee, then a blocked payer");
        s.Bob.Purse.Select();
        s.Bob.Purse.Deactivate(s.World.Issuer);
        s.Pay(s.Alice, s.Bob, 100);
        s.Pay(s.Bob, s.Alice, 100);

        s = new(transcript, "a card not personalised, as payee and as payer");
        TestCard blank = s.Add(s.World.Blank("blank"));
        s.Pay(s.Alice, blank, 100);
        s.Pay(blank, s.Alice, 100);

        s = new(transcript, "a purse whose personalisation did not end (no ACTIVATE)");
        TestCard unfinished = s.Add(s.World.Blank("unfinished"));
        unfinished.Channel.Rewrite = c => c[1] == PurseInstruction.Activate && c.Length == 4 ? [0x80, 0xCA, 0x00, 0x01, 0x00] : c;
        // The personaliser reads the purse back and finds it not issued: as wanted here.
        Assert.Throws<PersonalisationCheckException>(() => s.World.Personaliser.Personalise(unfinished.Purse,
            PersonalisationRequest.WithDefaultLimits(PurseClass.Customer, [Currency.Eur.Code], PaymentWorld.LockCode)));
        unfinished.Channel.Rewrite = null;
        s.Pay(s.Alice, unfinished, 100);
        s.Pay(unfinished, s.Alice, 100);

        s = new(transcript, "a trust anchor that has expired");
        var old = Issuer.FromKeyPair(PaymentWorld.IssuerId, P256KeyPair.FromPrivateKeyHex(
            "6F5E4D3C2B1A09F8E7D6C5B4A392817065544332211000FFEEDDCCBBAA998877"), PaymentWorld.Today.AddYears(-25));
        s.World.Policy = new PaymentPolicy(old.Certificate, null, s.World.Time);
        s.Pay(s.Alice, s.Bob, 100);

        s = new(transcript, "an order digest");
        s.Pay(s.Alice, s.Bob, 100, digest: [.. Enumerable.Range(0, 32).Select(i => (byte)i)]);
    }

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
                Tamper(tampered, instruction, once ? AnotherAmount : FlipSignature, once);
                FailAbort(abortOnPayer ? s.Alice : s.Bob, cleanupFault);
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
                Tamper(payer ? s.Alice : s.Bob, instruction, FlipSignature, once: false);
                s.Step("recover", c => c.Recover(s.Alice.Purse, s.Bob.Purse));
                (payer ? s.Alice : s.Bob).Channel.Rewrite = null;
                s.RecoverTwice();
            }
            Stage paid = new(transcript, $"a payment and its recovery while every {name} is refused");
            Tamper(payer ? paid.Alice : paid.Bob, instruction, FlipSignature, once: false);
            paid.Pay(paid.Alice, paid.Bob, Amount);
            paid.Step("recover", c => c.Recover(paid.Alice.Purse, paid.Bob.Purse));
            (payer ? paid.Alice : paid.Bob).Channel.Rewrite = null;
            paid.RecoverTwice();
        }

        PurseCard NoAbort(TestCard card) => PurseCard.Open(new RefusingChannel(card.Channel, PurseInstruction.Abort, new StatusWord(0x6985)), card.Name);

        Stage both = new(transcript, "a VAL the gated payee refuses, the payer refusing ABORT too");
        Tamper(both.Bob, PurseInstruction.Val, FlipSignature, once: false);
        both.Pay(NoAbort(both.Alice), Gated(both.Bob), Amount);
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
            Tamper(payee ? s.Bob : s.Alice, instruction, AnotherAmount, once: true);
            s.Pay(NoAbort(s.Alice), s.Bob.Purse, Amount);
            s.RecoverTwice();
        }
        Stage lost = new(transcript, "START FROM's answer lost, the payer refusing ABORT");
        FailAt(lost.Alice, PurseInstruction.StartFrom, FaultKind.LoseAnswer);
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

    public static void Forced(Transcript transcript)
    {
        (string Name, byte StopBefore)[] stops =
        [
            ("payer epr", PurseInstruction.StartTo),
            ("payer epr, payee epv", PurseInstruction.Req),
            ("payer epa, payee epv", PurseInstruction.Val),
            ("payer epa, payee credited", PurseInstruction.Ack),
        ];
        foreach ((string stop, byte before) in stops)
        {
            foreach (bool force in new[] { false, true })
            {
                string how = force ? "forced" : "not forced";
                Stage s = new(transcript, $"{stop}: a new payment from the payer, {how}");
                TestCard carol = s.Add(s.World.Customer("carol"));
                PaymentWorld.StartAndStop(s.Alice, s.Bob, 1_000, before);
                s.Pay(s.Alice, carol, 500, force: force);
                s.RecoverTwice();

                s = new(transcript, $"{stop}: a new payment to the payee, {how}");
                TestCard dave = s.Add(s.World.Customer("dave", 2_000, s.Bank));
                PaymentWorld.StartAndStop(s.Alice, s.Bob, 1_000, before);
                s.Pay(dave, s.Bob, 500, force: force);
                s.RecoverTwice();

                s = new(transcript, $"{stop}: the same two purses again, {how}");
                PaymentWorld.StartAndStop(s.Alice, s.Bob, 1_000, before);
                s.Pay(s.Alice, s.Bob, 500, force: force);
                s.RecoverTwice();

                s = new(transcript, $"{stop}: the other way round, {how}");
                PaymentWorld.StartAndStop(s.Alice, s.Bob, 1_000, before);
                s.Pay(s.Bob, s.Alice, 500, force: force);
                s.RecoverTwice();
            }
            foreach (FaultKind kind in Enum.GetValues<FaultKind>())
            {
                Stage s = new(transcript, $"{stop}: forced, START FROM failing ({kind})");
                TestCard carol = s.Add(s.World.Customer("carol"));
                PaymentWorld.StartAndStop(s.Alice, s.Bob, 1_000, before);
                FailAt(s.Alice, PurseInstruction.StartFrom, kind);
                s.Pay(s.Alice, carol, 500, force: true);
                s.RecoverTwice();

                s = new(transcript, $"{stop}: forced, START TO failing ({kind})");
                TestCard dave = s.Add(s.World.Customer("dave", 2_000, s.Bank));
                PaymentWorld.StartAndStop(s.Alice, s.Bob, 1_000, before);
                FailAt(s.Bob, PurseInstruction.StartTo, kind);
                s.Pay(dave, s.Bob, 500, force: true);
                s.RecoverTwice();
            }
            Stage refused = new(transcript, $"{stop}: forced, refused at START FROM");
            TestCard erin = refused.Add(refused.World.Customer("erin"));
            PaymentWorld.StartAndStop(refused.Alice, refused.Bob, 1_000, before);
            refused.Pay(refused.Alice, erin, 15_000, force: true);

            refused = new(transcript, $"{stop}: forced, refused at START TO");
            refused.World.Load(refused.Bank, refused.Bob, 45_000);
            PaymentWorld.StartAndStop(refused.Alice, refused.Bob, 1_000, before);
            refused.Pay(refused.Bank, refused.Bob, 6_000, force: true);
        }
    }

    /// <summary>bob behind a payee listener's gate: no ABORT, no READ LOG reaches him.</summary>
    public static void Gated(Transcript transcript)
    {
        Stage clean = new(transcript, "gated payee: a clean payment");
        clean.Pay(clean.Alice.Purse, Gated(clean.Bob), Amount);
        foreach (FaultKind kind in Enum.GetValues<FaultKind>())
        {
            foreach ((bool onPayer, int count) in new[] { (true, 8), (false, 8) })
            {
                for (int index = 0; index < count; index++)
                {
                    Stage s = new(transcript, $"gated payee: {kind} at exchange {index} of the {(onPayer ? "payer" : "payee")}");
                    PurseCard bob = Gated(s.Bob);
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
            PurseCard bob = Gated(s.Bob);
            Tamper(payer ? s.Alice : s.Bob, instruction, instruction == PurseInstruction.StartTo ? AnotherAmount : FlipSignature,
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
            s.RecoverTwice(Gated(s.Bob));
            s.Step("abandon the gated payee", c => c.Abandon(Gated(s.Bob)));
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
                    FailAt(swapped, instruction, FaultKind.LoseAnswer);
                    s.Pay(payer ? purse : s.Alice.Purse, payer ? s.Bob.Purse : purse, Amount);
                    s.RecoverTwice();
                }
            }
        }
    }

    private static PurseCard Gated(TestCard card) => PurseCard.Open(new GatedChannel(card.Channel), card.Name);

    /// <summary>Fails the next exchange of <paramref name="card"/> that carries <paramref name="instruction"/>.</summary>
    private static void FailAt(TestCard card, byte instruction, FaultKind kind)
    {
        Func<byte[], byte[]>? before = card.Channel.Rewrite;
        card.Channel.Rewrite = command =>
        {
            if (command[1] == instruction)
            {
                card.Channel.Rewrite = before;
                card.Channel.FailAt(-1, kind);   // this very exchange: it is already counted as sent
            }
            return before is null ? command : before(command);
        };
    }

    private static void FailAbort(TestCard card, FaultKind? kind)
    {
        if (kind is { } fault)
        {
            FailAt(card, PurseInstruction.Abort, fault);
        }
    }

    private static void Tamper(TestCard card, byte instruction, Func<byte[], byte[]> change, bool once)
    {
        card.Channel.Rewrite = command =>
        {
            if (command[1] != instruction)
            {
                return command;
            }
            if (once)
            {
                card.Channel.Rewrite = null;
            }
            return change(command);
        };
    }

    /// <summary>The value (tag 83, 4 bytes) one minor unit more.</summary>
    private static byte[] AnotherAmount(byte[] command)
    {
        for (int i = 5; i + 5 < command.Length; i++)
        {
            if (command[i] == 0x83 && command[i + 1] == 0x04)
            {
                command[i + 5]++;
                return command;
            }
        }
        throw new InvalidOperationException("no value in the command");
    }

    private static byte[] FlipSignature(byte[] command)
    {
        command[^3] ^= 0x01;
        return command;
    }
}
