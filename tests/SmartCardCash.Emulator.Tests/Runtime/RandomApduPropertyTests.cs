using CsCheck;

namespace SmartCardCash.Emulator.Tests.Runtime;

/// <summary>Whatever bytes arrive, the runtime answers with a status word and never throws.</summary>
public sealed class RandomApduPropertyTests
{
    private static readonly byte[] Classes = [0x00, 0x80, 0x10, 0x90, 0x84, 0x01, 0x40, 0xFF, 0xC0, 0x0C];
    private static readonly byte[] Instructions = [0xA4, 0xC0, 0xCA, 0x10, 0x20, 0x22, 0x24, 0x30, 0x40, 0x42, 0x01, 0x02, 0x60, 0x9F];

    /// <summary>Byte strings that look like APDUs often enough to reach every branch, and pure noise the rest of the time.</summary>
    private static readonly Gen<byte[]> Apdu = Gen.Frequency(
        (1, Gen.Byte.Array[0, 300]),
        (3, Gen.Select(Gen.OneOf(Classes), Gen.OneOf(Instructions), Gen.Byte, Gen.Byte, Gen.Byte.Array[0, 270],
            (cla, ins, p1, p2, tail) => (byte[])[cla, ins, p1, p2, .. tail])),
        (2, Gen.Select(Gen.OneOf(Classes), Gen.OneOf(Instructions), Gen.Byte[0, 8], Gen.Byte, Gen.Byte[0, 40],
            (cla, ins, p1, p2, lc) => (byte[])[cla, ins, p1, p2, lc, .. new byte[lc], 0x00])));

    [Theory]
    [InlineData(InterfaceProfile.ContactT0)]
    [InlineData(InterfaceProfile.ContactT1)]
    [InlineData(InterfaceProfile.Contactless)]
    public void Random_commands_never_throw_and_always_answer_a_status_word(InterfaceProfile profile)
    {
        Gen.Select(Apdu.Array[1, 12], Gen.Bool).Sample((commands, selectFirst) =>
        {
            var log = new ProbeLog();
            EmulatedCard card = TestCards.NewCounterCard(log, profile);
            card.Install(EchoApplet.Aid, EchoApplet.TypeName, EchoApplet.Factory(log), 16);
            card.PowerOn();
            if (selectFirst)
            {
                card.SelectCounter();
            }
            foreach (byte[] command in commands)
            {
                byte[] response = card.Transmit(command);
                Assert.True(response.Length >= 2, "a response has at least a status word");
                Assert.True(response.Length <= 65536 + 2);
                Assert.True(card.IsPowered);
                Assert.False(card.Memory.InTransaction);
            }
            // Still alive and consistent: the counter applet can be selected and read.
            Assert.True(card.SelectCounter().StatusWord.IsNormal);
            card.ReadCounters();
            card.Memory.AssertQuiescent();
        }, iter: 400, threads: 1);
    }

    [Fact]
    public void Under_random_power_loss_only_card_removed_escapes_and_every_power_up_recovers()
    {
        Gen.Select(Apdu.Array[1, 16], Gen.ULong).Sample((commands, seed) =>
        {
            var log = new ProbeLog();
            EmulatedCard card = TestCards.NewCounterCard(log);
            card.Tearing = TearingPlan.Random(seed, 0.15);
            foreach (byte[] command in commands)
            {
                try
                {
                    if (!card.IsPowered)
                    {
                        card.PowerOnAndSelectCounter();
                        card.Send("8010020000");
                    }
                    Assert.True(card.Transmit(command).Length >= 2);
                }
                catch (Iso7816.Errors.CardRemovedException)
                {
                    Assert.False(card.IsPowered);
                }
            }
            card.Tearing = TearingPlan.Never;
            card.PowerOn();
            card.Memory.AssertQuiescent();
            Assert.True(card.SelectCounter().StatusWord.IsNormal);
        }, iter: 300, threads: 1);
    }
}
