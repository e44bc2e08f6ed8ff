using SmartCardCash.Emulator;
using SmartCardCash.Emulator.Memory;
using SmartCardCash.Iso7816;
using SmartCardCash.Iso7816.Errors;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Applet;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Cli.Tests.Docs.Samples;

/// <summary>
/// The Emulator README's recipe for tearing a command at each of its persistent writes, as a test: PUT DATA of the lock
/// code on a blank purse, torn anywhere, leaves the purse exactly as before it or exactly as after it.
/// </summary>
public sealed class TearEveryWriteTests
{
    [Fact]
    public void A_command_torn_at_any_of_its_writes_leaves_the_purse_as_before_or_as_after()
    {
        // <tear-every-write>
        var card = new EmulatedCard(CardProfile.FromSeed(InterfaceProfile.ContactT1, seed: 1));
        card.Install(PurseAid.Value, "SmartCardCash.Purse", PurseApplet.Factory, PurseApplet.PersistentMemorySize);
        PurseCard purse = PurseCard.Open(card.OpenChannel("blank", powerOffOnDispose: false));   // reads the purse's status
        CommandApdu select = PurseCommands.Select(), cmd = PurseCommands.PutLockCode("1234", 3);
        card.PowerOff(); NvmSnapshot image = card.SnapshotNvm();
        card.PowerOn(); card.Transmit(select); PurseStatus before = purse.GetStatus();
        long w0 = card.PersistentWriteCount; card.Transmit(cmd); int writes = (int)(card.PersistentWriteCount - w0);
        PurseStatus after = purse.GetStatus(); card.PowerOff();
        for (int i = 0; i < writes; i++)
        {
            card.RestoreNvm(image); card.PowerOn(); card.Transmit(select);
            card.Tearing = TearingPlan.AtWrite(i);
            Assert.Throws<CardRemovedException>(() => card.Transmit(cmd));
            card.Tearing = TearingPlan.Never; card.PowerOn(); card.Transmit(select);
            Assert.Contains(purse.GetStatus(), new[] { before, after });   // nothing in between
            card.PowerOff();
        }
        // </tear-every-write>

        Assert.NotEqual(before, after);
        Assert.InRange(writes, 1, 64);
    }
}
