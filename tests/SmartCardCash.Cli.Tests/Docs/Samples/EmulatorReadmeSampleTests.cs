using SmartCardCash.Emulator;
using SmartCardCash.Emulator.Images;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Cli.Tests.Docs.Samples;

/// <summary>
/// The Emulator README's samples do what they say: <see cref="QuickStartCard"/> and <see cref="StoreCardImages"/>
/// (its tearing recipe is a test of its own, <see cref="TearEveryWriteTests"/>).
/// </summary>
public sealed class EmulatorReadmeSampleTests
{
    [Fact]
    public void The_quick_start_card_answers_its_atr_and_selects_the_purse()
    {
        (byte[] atr, byte[] response, string channel) = QuickStartCard.Run();

        Assert.Equal([0x3B, 0xDE, 0x96, 0x00, 0x81, 0x31, 0xFE, 0x45], atr[..8]);
        Assert.Equal([0x90, 0x00], response[^2..]);
        Assert.Equal(PurseLifecycle.Personalisation, PurseResponses.ParseFci(response.AsSpan(0, response.Length - 2)).Lifecycle);
        Assert.Equal("emulator:alice", channel);
    }

    [Fact]
    public void A_saved_card_opens_again_with_its_applet_and_is_gone_once_deleted()
    {
        using var directory = new TempFolder();

        (byte[] response, IReadOnlyList<string> listed, CardImage image) = StoreCardImages.Run(directory.Path);

        Assert.Equal([0x90, 0x00], response[^2..]);
        Assert.Equal(["alice"], listed);
        Assert.Equal("SmartCardCash.Purse", Assert.Single(image.Applets).AppletType);
        Assert.Equal(InterfaceProfile.Contactless, image.Profile.Interface);
        Assert.Empty(Directory.GetFiles(directory.Path, "*.card"));
    }
}
