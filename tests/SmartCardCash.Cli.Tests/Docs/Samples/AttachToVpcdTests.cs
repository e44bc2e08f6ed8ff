using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using SmartCardCash.CardAccess;
using SmartCardCash.Cli.Tests.Support;
using SmartCardCash.Emulator;

namespace SmartCardCash.Cli.Tests.Docs.Samples;

/// <summary>The Vpcd README's quick start puts two stored cards into vpcd's slots and takes them out again.</summary>
public sealed class AttachToVpcdTests
{
    [Fact]
    public async Task Both_cards_go_into_their_slots_and_leave_them_on_ctrl_c()
    {
        using var directory = new TempFolder();
        var cards = new EmulatedCardStore(directory.Path);
        cards.CreatePurseCard("alice", InterfaceProfile.ContactT1).Dispose();
        cards.CreatePurseCard("bob", InterfaceProfile.ContactT1).Dispose();
        using var vpcd = new LoopbackVpcd();
        var said = new ConcurrentQueue<string>();
        using var output = new ObservedStringWriter(said.Enqueue);
        var ctrlC = new TaskCompletionSource();

        Task attached = AttachToVpcd.AttachAsync(directory.Path, vpcd.PortBase, NullLoggerFactory.Instance, output, ctrlC.Task);
        bool Inserted(int slot) => said.Any(l => l.StartsWith($"slot {slot}: Inserted", StringComparison.Ordinal));
        bool inserted = LoopbackVpcd.WaitFor(() => (Inserted(0) && Inserted(1)) || attached.IsCompleted, TimeSpan.FromSeconds(10));
        ctrlC.SetResult();
        await attached;

        Assert.True(inserted, string.Join('\n', said));
        Assert.Equal(2, vpcd.Connections);
        Assert.True(LoopbackVpcd.WaitFor(() => vpcd.Closed == 2, TimeSpan.FromSeconds(10)), "the cards stayed in their readers");
        Assert.Equal(InterfaceProfile.ContactT1, cards.InterfaceOf("bob"));   // the slot's interface is not the image's
    }
}
