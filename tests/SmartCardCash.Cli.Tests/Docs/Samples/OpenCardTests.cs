using SmartCardCash.CardAccess;
using SmartCardCash.Emulator;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Cli.Tests.Docs.Samples;

/// <summary>The developer guide's sample of opening a card reaches an emulated purse by its address.</summary>
public sealed class OpenCardTests
{
    [Fact]
    public void The_sample_opens_an_emulated_card_by_address_and_by_bare_name()
    {
        using var home = new TempFolder();
        EmulatedCardStore.ForHome(home.Path).CreatePurseCard("alice", InterfaceProfile.ContactT1).Dispose();

        Assert.Equal(PurseLifecycle.Personalisation, OpenCard.Select(home.Path, "emu:alice").Lifecycle);
        Assert.Equal(PurseLifecycle.Personalisation, OpenCard.Select(home.Path, "alice").Lifecycle);
    }
}
