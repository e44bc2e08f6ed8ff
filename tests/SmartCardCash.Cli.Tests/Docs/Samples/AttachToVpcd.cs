using Microsoft.Extensions.Logging;
using SmartCardCash.Emulator;
using SmartCardCash.Emulator.Images;
using SmartCardCash.Emulator.Vpcd;
using SmartCardCash.Purse.Applet;

namespace SmartCardCash.Cli.Tests.Docs.Samples;

/// <summary>The Vpcd README's quick start, run by <see cref="AttachToVpcdTests"/> against a vpcd of the test's own.</summary>
internal static class AttachToVpcd
{
    /// <param name="basePort">vpcd's port for slot 0 (Debian's vpcd: 35963, the default).</param>
    /// <param name="ctrlC">Completes when the user wants the cards out.</param>
    public static async Task AttachAsync(string directory, int basePort, ILoggerFactory loggerFactory, TextWriter output, Task ctrlC)
    {
        // <attach>
        var store = new CardImageStore(directory);                                         // or CardImageStore.OpenDefault()
        var catalog = new AppletCatalog().Add("SmartCardCash.Purse", PurseApplet.Factory);
        await using var attachment = new VpcdAttachment(basePort, loggerFactory: loggerFactory);   // vpcd at 127.0.0.1, port basePort + slot (default 35963)
        attachment.StateChanged += (sender, e) => output.WriteLine($"slot {e.Slot}: {e.Current} ({e.Reason})");
        attachment.Attach(0, store.Open("alice", catalog));                                // Virtual PCD 00 00, contact
        attachment.Attach(1, store.Open("bob", catalog),
            new VpcdSlotOptions { Interface = InterfaceProfile.Contactless });              // Virtual PCD 00 01, contactless
        await ctrlC;
        await attachment.StopAsync();         // cards leave their readers, are powered off; images saved, locks released
        // </attach>
    }
}
