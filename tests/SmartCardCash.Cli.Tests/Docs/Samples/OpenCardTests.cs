using SmartCardCash.CardAccess;
using SmartCardCash.Emulator;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Cli.Tests.Docs.Samples;

/// <summary>The developer guide's sample of opening a card reaches an emulated purse by its address.</summary>
public sealed class OpenCardTests : IDisposable
{
    private readonly string _home = Path.Combine(Path.GetTempPath(), "scc-docs-sample-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void The_sample_opens_an_emulated_card_by_address_and_by_bare_name()
    {
        EmulatedCardStore.ForHome(_home).CreatePurseCard("alice", InterfaceProfile.ContactT1).Dispose();

        Assert.Equal(PurseLifecycle.Personalisation, OpenCard.Select(_home, "emu:alice").Lifecycle);
        Assert.Equal(PurseLifecycle.Personalisation, OpenCard.Select(_home, "alice").Lifecycle);
    }

    public void Dispose() => Directory.Delete(_home, recursive: true);
}
