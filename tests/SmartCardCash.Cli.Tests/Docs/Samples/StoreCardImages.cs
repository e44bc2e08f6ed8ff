using SmartCardCash.Emulator;
using SmartCardCash.Emulator.Images;
using SmartCardCash.Purse.Applet;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Cli.Tests.Docs.Samples;

/// <summary>The Emulator README's card images sample, run by <see cref="EmulatorReadmeSampleTests"/>.</summary>
internal static class StoreCardImages
{
    /// <returns>The reopened card's answer to SELECT, and the names listed and the image read before it was deleted.</returns>
    public static (byte[] Response, IReadOnlyList<string> Listed, CardImage Image) Run(string directory)
    {
        // <card-images>
        var store = new CardImageStore(directory);          // CardImageStore.OpenDefault(): $SCC_HOME/cards or ~/.local/share/smartcardcash/cards
        using (StoredCard alice = store.Create("alice", CardProfile.FromSeed(InterfaceProfile.Contactless, 7)))
        {
            alice.Card.Install(PurseAid.Value, "SmartCardCash.Purse", PurseApplet.Factory, PurseApplet.PersistentMemorySize);  // saved
        }                                                   // disposing releases the image's lock
        var catalog = new AppletCatalog().Add("SmartCardCash.Purse", PurseApplet.Factory);   // the only applets it re-creates
        byte[] response;
        using (StoredCard again = store.Open("alice", catalog))
        using (EmulatedCardChannel channel = again.OpenChannel())   // Name "emulator:alice"
        {
            response = channel.Transmit(PurseCommands.Select().ToBytes());
        }
        IReadOnlyList<string> names = store.List(); CardImage image = store.Read("alice"); store.Delete("alice");
        // </card-images>
        return (response, names, image);
    }
}
