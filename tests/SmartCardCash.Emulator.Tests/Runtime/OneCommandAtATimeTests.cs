namespace SmartCardCash.Emulator.Tests.Runtime;

/// <summary>
/// A card does one thing at a time: a command arriving from a second host thread while another is inside the card is
/// refused loudly, not let in to corrupt the open transaction; the first command finishes as if alone.
/// </summary>
public sealed class OneCommandAtATimeTests
{
    private static readonly byte[] Aid = Hex.Decode("F0000000AA01");

    [Fact]
    public async Task A_second_thread_sending_while_a_command_is_inside_the_card_is_refused_and_the_first_completes()
    {
        using var inside = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var card = new EmulatedCard(CardProfile.FromSeed(InterfaceProfile.ContactT1, 7),
            new EmulatedCardOptions { Random = new DeterministicCardRandom(7) });
        card.Install(Aid, "test.blocking", _ => new BlockingApplet(inside, release), regionSize: 16);
        card.PowerOn();
        Assert.True(card.Transmit(new CommandApdu(0x00, 0xA4, 0x04, 0x00, Aid)).StatusWord.IsSuccess);

        Task<ResponseApdu> first = Task.Run(() => card.Transmit(new CommandApdu(0x80, 0x10, 0x00, 0x00)));
        Assert.True(inside.Wait(TimeSpan.FromSeconds(20)), "the first command never reached the applet");

        var refused = Assert.Throws<InvalidOperationException>(() => card.Transmit(new CommandApdu(0x80, 0x10, 0x00, 0x00)));
        Assert.Contains("does one thing at a time", refused.Message);

        release.Set();
        ResponseApdu firstResponse = await first.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.True(firstResponse.StatusWord.IsSuccess);
        Assert.True(card.Transmit(new CommandApdu(0x80, 0x10, 0x00, 0x00)).StatusWord.IsSuccess); // free again
    }

    /// <summary>INS 10 waits inside the card until released (the first time only).</summary>
    private sealed class BlockingApplet(ManualResetEventSlim inside, ManualResetEventSlim release) : Applet
    {
        public override void Process(ApduContext apdu)
        {
            if (apdu.IsSelecting || apdu.Command.Ins != 0x10)
            {
                return;
            }
            inside.Set();
            release.Wait(TimeSpan.FromSeconds(20));
        }
    }
}
