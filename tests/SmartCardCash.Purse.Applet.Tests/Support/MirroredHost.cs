namespace SmartCardCash.Purse.Applet.Tests.Support;

/// <summary>
/// Sends every command to two hosts of the same purse and insists that they answer the same bytes; their persistent
/// memories must be the same bytes too. Drives one script on two storage backends at once.
/// </summary>
internal sealed class MirroredHost(IPurseHost first, IPurseHost second) : IPurseHost
{
    public string Name => $"{first.Name} = {second.Name}";

    /// <summary>Commands compared so far.</summary>
    public int Exchanges { get; private set; }

    public ResponseApdu Transmit(CommandApdu command)
    {
        ResponseApdu answer = first.Transmit(command);
        ResponseApdu other = second.Transmit(command);
        Assert.True(answer.ToHex() == other.ToHex(), $"{command}: {first.Name} answered {answer.ToHex()}, {second.Name} {other.ToHex()}");
        Exchanges++;
        return answer;
    }

    public byte[] ReadPersistentMemory()
    {
        byte[] bytes = first.ReadPersistentMemory();
        Refusals.AssertSameMemory(bytes, second.ReadPersistentMemory());
        return bytes;
    }

    public void PowerCycle()
    {
        first.PowerCycle();
        second.PowerCycle();
    }

    public void AssertNoInternalErrors()
    {
        first.AssertNoInternalErrors();
        second.AssertNoInternalErrors();
    }
}
