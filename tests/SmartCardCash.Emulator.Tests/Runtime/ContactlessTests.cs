namespace SmartCardCash.Emulator.Tests.Runtime;

public sealed class ContactlessTests
{
    private static EmulatedCard ContactlessCard(byte[] uid)
    {
        var card = new EmulatedCard(new CardProfile(InterfaceProfile.Contactless, uid));
        card.Install(CounterApplet.Aid, CounterApplet.TypeName, CounterApplet.Factory(new ProbeLog()), CounterApplet.RegionSize);
        card.PowerOn();
        return card;
    }

    /// <summary>The two ways a host reaches an emulated card in process, both through the one reader.</summary>
    public static TheoryData<string> ReaderPaths => ["reader", "channel"];

    /// <summary>Sends through <paramref name="path"/>: <see cref="EmulatedReader"/> itself, or an <see cref="EmulatedCardChannel"/>.</summary>
    private static ResponseApdu SendThrough(string path, EmulatedCard card, string hex)
    {
        byte[] command = Hex.Decode(hex);
        if (path == "reader")
        {
            return ResponseApdu.Parse(EmulatedReader.Transmit(card, command));
        }
        using EmulatedCardChannel channel = card.OpenChannel(powerOffOnDispose: false);
        return ResponseApdu.Parse(channel.Transmit(command));
    }

    [Theory]
    [MemberData(nameof(ReaderPaths))]
    public void Get_data_pseudo_apdu_answers_the_uid(string path)
    {
        byte[] uid = [0x04, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66];
        EmulatedCard card = ContactlessCard(uid);
        ResponseApdu response = SendThrough(path, card, "FFCA000000");
        Assert.Equal(uid, response.Data.ToArray());
        Assert.Equal(StatusWord.Success, response.StatusWord);
    }

    [Theory]
    [MemberData(nameof(ReaderPaths))]
    public void Get_data_pseudo_apdu_follows_pcsc_part_3_for_le_p1_and_p2(string path)
    {
        byte[] uid = [0x08, 0xA1, 0xB2, 0xC3];
        EmulatedCard card = ContactlessCard(uid);
        Assert.Equal(new StatusWord(0x6C04), SendThrough(path, card, "FFCA000002").StatusWord);
        ResponseApdu longLe = SendThrough(path, card, "FFCA000010");
        Assert.Equal(uid, longLe.Data.ToArray());
        Assert.Equal(StatusWord.EndOfFileReached, longLe.StatusWord);
        Assert.Equal(AnswerToReset.HistoricalBytes.ToArray(), SendThrough(path, card, "FFCA010000").Data.ToArray());
        Assert.Equal(StatusWord.FunctionNotSupported, SendThrough(path, card, "FFCA020000").StatusWord);
        Assert.Equal(StatusWord.WrongP1P2, SendThrough(path, card, "FFCA000100").StatusWord);
        Assert.Equal(StatusWord.WrongLength, SendThrough(path, card, "FFCA00").StatusWord);
        Assert.Equal(StatusWord.WrongLength, SendThrough(path, card, "FFCA00000101").StatusWord);
        Assert.Equal(StatusWord.ClassNotSupported, SendThrough(path, card, "FF00000000").StatusWord);
    }

    [Theory]
    [MemberData(nameof(ReaderPaths))]
    public void The_pseudo_apdu_is_the_readers_and_leaves_a_pending_response_alone(string path)
    {
        EmulatedCard card = ContactlessCard([0x08, 1, 2, 3]);
        card.SelectCounter();
        Assert.Equal(new StatusWord(0x6110), SendThrough(path, card, "8022002010").StatusWord);
        Assert.True(SendThrough(path, card, "FFCA000000").IsSuccess);
        Assert.Equal(CounterApplet.Pattern(32)[16..], SendThrough(path, card, "00C0000000").Data.ToArray());
    }

    [Fact]
    public void The_card_itself_never_answers_the_readers_pseudo_apdu()
    {
        // Through a reader FF CA never reaches the card; sent to the card directly it is a class the card does not know,
        // and, like any command, it discards what was pending for GET RESPONSE.
        EmulatedCard card = ContactlessCard([0x08, 1, 2, 3]);
        card.SelectCounter();
        Assert.Equal(new StatusWord(0x6110), card.Send("8022002010").StatusWord);
        Assert.Equal(StatusWord.ClassNotSupported, card.Send("FFCA000000").StatusWord);
        Assert.Equal(StatusWord.ConditionsOfUseNotSatisfied, card.Send("00C0000000").StatusWord);
    }

    [Theory]
    [MemberData(nameof(ReaderPaths))]
    public void Only_a_card_powered_contactless_has_its_uid_answered_by_the_reader(string path)
    {
        // A contactless card powered through its contact interface (dual interface): the reader is a contact reader.
        EmulatedCard card = ContactlessCard([0x08, 1, 2, 3]);
        card.PowerOn(InterfaceProfile.ContactT1);
        Assert.Equal(StatusWord.ClassNotSupported, SendThrough(path, card, "FFCA000000").StatusWord);
        // A contact card powered contactless is answered.
        var dual = new EmulatedCard(new CardProfile(InterfaceProfile.ContactT1, [0x08, 9, 9, 9]));
        dual.PowerOn(InterfaceProfile.Contactless);
        Assert.Equal([0x08, 9, 9, 9], SendThrough(path, dual, "FFCA000000").Data.ToArray());
        // Unpowered: the card is not there, whatever the command.
        dual.PowerOff();
        Assert.Throws<Iso7816.Errors.CardRemovedException>(() => EmulatedReader.Transmit(dual, Hex.Decode("FFCA000000")));
    }

    [Fact]
    public void The_uid_derived_from_a_seed_is_stable_and_well_formed()
    {
        CardProfile four = CardProfile.FromSeed(InterfaceProfile.Contactless, 99, uidLength: 4);
        Assert.Equal(0x08, four.Uid.Span[0]);
        Assert.Equal(CardProfile.FromSeed(InterfaceProfile.Contactless, 99).Uid.ToArray(),
            CardProfile.FromSeed(InterfaceProfile.ContactT1, 99).Uid.ToArray());
        Assert.NotEqual(CardProfile.FromSeed(InterfaceProfile.Contactless, 99).Uid.ToArray(),
            CardProfile.FromSeed(InterfaceProfile.Contactless, 100).Uid.ToArray());
        Assert.Equal(7, CardProfile.FromSeed(InterfaceProfile.Contactless, 99).Uid.Length);
    }

    [Fact]
    public void Commands_beyond_one_short_apdu_answer_6700_on_contactless_only()
    {
        EmulatedCard contactless = ContactlessCard([0x08, 1, 2, 3]);
        contactless.SelectCounter();
        var extended = new CommandApdu(0x80, 0x20, 0, 0, ne: 10, encoding: ApduEncoding.Extended);
        Assert.Equal(StatusWord.WrongLength, contactless.Transmit(extended).StatusWord);

        byte[] tooLong = new byte[EmulatedCard.ContactlessMaxCommandLength + 1];
        tooLong[0] = 0x80;
        tooLong[1] = 0x20;
        Assert.Equal(StatusWord.WrongLength, ResponseApdu.Parse(contactless.Transmit(tooLong)).StatusWord);

        // The longest short APDU fits: 4 + 1 + 255 + 1 = 261 bytes; the counter applet answers it normally.
        var longest = new CommandApdu(0x80, 0x20, 0, 0, new byte[255], ne: 256);
        Assert.Equal(EmulatedCard.ContactlessMaxCommandLength, longest.EncodedLength);
        Assert.Equal(StatusWord.Success, contactless.Transmit(longest).StatusWord);
    }

    [Fact]
    public void The_applet_learns_the_interface_the_command_came_on()
    {
        var seen = new List<AppletApi.CardInterface>();
        var card = new EmulatedCard(CardProfile.FromSeed(InterfaceProfile.ContactT1, 5));
        card.Install(EchoApplet.Aid, "probe", _ => new InterfaceProbe(seen), 8);
        foreach (InterfaceProfile via in new[] { InterfaceProfile.ContactT1, InterfaceProfile.Contactless, InterfaceProfile.ContactT0 })
        {
            card.PowerOn(via);
            card.Send("00A4040009" + Hex.Encode(EchoApplet.Aid));
        }
        Assert.Equal([AppletApi.CardInterface.Contact, AppletApi.CardInterface.Contactless, AppletApi.CardInterface.Contact], seen);
    }

    private sealed class InterfaceProbe(List<AppletApi.CardInterface> seen) : AppletApi.Applet
    {
        public override void Process(AppletApi.ApduContext apdu) => seen.Add(apdu.Interface);
    }
}
