using SmartCardCash.Emulator;
using SmartCardCash.Issuing;
using SmartCardCash.Issuing.Personalisation;
using SmartCardCash.Purse.Tests.Support;

namespace SmartCardCash.Payments.Tests.Wording;

/// <summary>Refusals by the terminal and by the purses, and forced starts over unfinished transfers.</summary>
internal static class RefusalScenarios
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
                CardTricks.FailAt(s.Alice, PurseInstruction.StartFrom, kind);
                s.Pay(s.Alice, carol, 500, force: true);
                s.RecoverTwice();

                s = new(transcript, $"{stop}: forced, START TO failing ({kind})");
                TestCard dave = s.Add(s.World.Customer("dave", 2_000, s.Bank));
                PaymentWorld.StartAndStop(s.Alice, s.Bob, 1_000, before);
                CardTricks.FailAt(s.Bob, PurseInstruction.StartTo, kind);
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
}
