using Moq;
using SmartCardCash.CardAccess;
using SmartCardCash.Emulator;
using SmartCardCash.Iso7816;
using SmartCardCash.Iso7816.Errors;
using SmartCardCash.Issuing.Personalisation;
using SmartCardCash.LocalData;

namespace SmartCardCash.Purse.Tests;

public sealed class CardOpenerTests : IDisposable
{
    private readonly TempDirectory _home = new();
    private readonly Mock<IPcscCardSource> _pcsc = new();
    private readonly List<string> _readers = [];
    private readonly CardOpener _opener;

    public CardOpenerTests()
    {
        _pcsc.Setup(p => p.ListReaders()).Returns(() => [.. _readers]);
        _opener = new CardOpener(EmulatedCardStore.ForHome(_home.Path, () => new DeterministicCardRandom(5)), _pcsc.Object);
    }

    public void Dispose() => _home.Dispose();

    private void MakeCard(string name, InterfaceProfile interfaceProfile = InterfaceProfile.ContactT1)
    {
        using CardConnection card = _opener.EmulatedCards.CreatePurseCard(name, interfaceProfile);
    }

    [Fact]
    public void A_new_emulated_card_holds_a_blank_purse_and_is_saved_in_the_home()
    {
        using (CardConnection card = _opener.EmulatedCards.CreatePurseCard("alice", InterfaceProfile.Contactless))
        {
            PurseFci fci = PurseCard.Open(card.Channel, card.DisplayName).Select();
            Assert.Equal(PurseLifecycle.Personalisation, fci.Lifecycle);
            Assert.Equal("alice", card.DisplayName);
            Assert.Equal(CardAddress.Emulated("alice"), card.Address);
        }

        Assert.True(File.Exists(Path.Combine(_home.Path, "cards", "alice.card")));
        Assert.Equal(InterfaceProfile.Contactless, _opener.EmulatedCards.InterfaceOf("alice"));
        Assert.Equal(["alice"], _opener.EmulatedCards.List());
    }

    [Fact]
    public void An_emulated_card_keeps_its_personalisation_across_openings()
    {
        var world = new TestWorld();
        MakeCard("alice");
        PersonalisationResult result;
        using (CardConnection card = _opener.Open(CardAddress.Parse("emu:alice")))
        {
            result = world.Personaliser.Personalise(PurseCard.Open(card.Channel, card.DisplayName),
                PersonalisationRequest.WithDefaultLimits(PurseClass.Customer, [Currency.Eur.Code], "1234"));
        }

        using CardConnection again = _opener.Open("alice");
        PurseInfo info = PurseCard.Open(again.Channel, again.DisplayName).ReadInfo();

        Assert.Equal(result.PurseId, info.PurseId);
        Assert.Equal(PurseLifecycle.Issued, info.Lifecycle);
    }

    [Fact]
    public void A_card_open_elsewhere_is_a_local_data_problem()
    {
        MakeCard("alice");
        using CardConnection first = _opener.Open("emu:alice");

        var error = Assert.Throws<CardImageUnavailableException>(() => _opener.Open("emu:alice"));

        Assert.Contains("card 'alice' is in use by another process", error.Message);
        Assert.IsAssignableFrom<LocalDataException>(error);
    }

    [Fact]
    public void A_damaged_image_is_a_local_data_problem()
    {
        MakeCard("alice");
        string path = Path.Combine(_home.Path, "cards", "alice.card");
        byte[] image = File.ReadAllBytes(path);
        image[^1] ^= 0xFF;
        File.WriteAllBytes(path, image);

        var error = Assert.Throws<CardImageUnavailableException>(() => _opener.Open("emu:alice"));

        Assert.Contains("the image of card 'alice' is damaged", error.Message);
    }

    [Fact]
    public void An_unknown_card_name_lists_the_cards_there_are()
    {
        MakeCard("alice");
        MakeCard("bank");

        var error = Assert.Throws<CardNotFoundException>(() => _opener.Open("emu:bob"));

        Assert.Equal("there is no emulated card named 'bob'; the cards are 'alice', 'bank'", error.Message);
        Assert.Equal(["alice", "bank"], error.AvailableReaders);
    }

    [Fact]
    public void A_bare_name_is_the_emulated_card_when_one_has_that_name_and_pcsc_is_not_asked()
    {
        MakeCard("alice");
        _readers.Add("alice's reader");

        CardAddress resolved = _opener.Resolve(CardAddress.Parse("alice"));

        Assert.Equal(CardAddress.Emulated("alice"), resolved);
        _pcsc.Verify(p => p.ListReaders(), Times.Never);
    }

    [Fact]
    public void A_bare_name_otherwise_is_the_one_reader_it_matches()
    {
        _readers.AddRange(["Virtual PCD 00 00", "Virtual PCD 00 01"]);

        Assert.Equal(CardAddress.Pcsc("Virtual PCD 00 01"), _opener.Resolve(CardAddress.Parse("pcd 00 01")));
        Assert.Equal(CardAddress.Pcsc("Virtual PCD 00 00"), _opener.Resolve(CardAddress.Parse("virtual pcd 00 00")));
    }

    [Fact]
    public void A_bare_name_matching_several_readers_lists_them()
    {
        _readers.AddRange(["Virtual PCD 00 00", "Virtual PCD 00 01"]);

        var error = Assert.Throws<CardNotFoundException>(() => _opener.Resolve(CardAddress.Parse("pcd")));

        Assert.Equal("'pcd' matches 2 readers: 'Virtual PCD 00 00', 'Virtual PCD 00 01'; give more of the name", error.Message);
    }

    [Fact]
    public void A_bare_name_matching_nothing_lists_cards_and_readers()
    {
        MakeCard("alice");
        _readers.Add("Virtual PCD 00 00");

        var error = Assert.Throws<CardNotFoundException>(() => _opener.Resolve(CardAddress.Parse("bob")));

        Assert.Equal("'bob' is neither an emulated card (the cards are 'alice') nor a reader (the readers are 'Virtual PCD 00 00')",
            error.Message);
    }

    [Fact]
    public void A_bare_name_without_pcsc_service_says_both_things()
    {
        _pcsc.Setup(p => p.ListReaders()).Throws(new CardServiceUnavailableException("the PC/SC service is not running"));

        var error = Assert.Throws<CardNotFoundException>(() => _opener.Resolve(CardAddress.Parse("bob")));

        Assert.Contains("'bob' is not an emulated card (there are none)", error.Message);
        Assert.Contains("the PC/SC service is not running", error.Message);
    }

    [Fact]
    public void A_pcsc_address_connects_to_the_matching_reader()
    {
        _readers.Add("Virtual PCD 00 00");
        var channel = new Mock<ICardChannel>();
        _pcsc.Setup(p => p.Connect("Virtual PCD 00 00")).Returns(channel.Object);

        using (CardConnection card = _opener.Open("pcsc:pcd 00 00"))
        {
            Assert.Equal("Virtual PCD 00 00", card.DisplayName);
            Assert.Same(channel.Object, card.Channel);
        }

        channel.Verify(c => c.Dispose(), Times.Once);
    }

    [Fact]
    public void A_pcsc_address_matching_no_reader_lists_the_readers()
    {
        _readers.Add("Virtual PCD 00 00");

        var error = Assert.Throws<CardNotFoundException>(() => _opener.Open("pcsc:omnikey"));

        Assert.Equal("no reader matches 'omnikey'; the readers are 'Virtual PCD 00 00'", error.Message);
        Assert.IsAssignableFrom<ReaderUnavailableException>(error);
    }

    [Fact]
    public void Remote_cards_are_not_available_until_an_opener_is_registered()
    {
        var error = Assert.Throws<CardNotFoundException>(() => _opener.Open("tcp://127.0.0.1:7700"));
        var remote = new Mock<ICardOpener>();
        var channel = new Mock<ICardChannel>();
        remote.Setup(r => r.Open(It.IsAny<CardAddress>()))
            .Returns<CardAddress>(a => new CardConnection(a, channel.Object, a.Target));
        _opener.Register(CardAddressKind.Remote, remote.Object);

        using CardConnection card = _opener.Open("tcp://127.0.0.1:7700");

        Assert.Equal("cannot open tcp://127.0.0.1:7700: remote cards (tcp://) are not available in this build", error.Message);
        Assert.Equal(7700, card.Address.Port);
        Assert.True(_opener.CanOpen(CardAddressKind.Remote));
    }

    [Fact]
    public void Deleting_a_card_removes_its_image_and_refuses_while_it_is_open()
    {
        MakeCard("alice");
        using (CardConnection open = _opener.Open("alice"))
        {
            Assert.Throws<CardImageUnavailableException>(() => _opener.EmulatedCards.Delete("alice"));
        }

        _opener.EmulatedCards.Delete("alice");

        Assert.Empty(_opener.EmulatedCards.List());
        Assert.Throws<CardNotFoundException>(() => _opener.EmulatedCards.Delete("alice"));
    }

    [Fact]
    public void Creating_a_card_twice_is_refused()
    {
        MakeCard("alice");

        Assert.Throws<InvalidOperationException>(() => MakeCard("alice"));
    }
}
