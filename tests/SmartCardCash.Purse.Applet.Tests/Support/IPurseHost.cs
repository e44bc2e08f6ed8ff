namespace SmartCardCash.Purse.Applet.Tests.Support;

/// <summary>
/// Where a purse applet runs for a test: the emulated card (<see cref="PurseCard"/>, nearly every test) or the minimal
/// <see cref="AppletHost"/> over another <see cref="AppletApi.IPersistentMemory"/>.
/// </summary>
internal interface IPurseHost
{
    string Name { get; }

    ResponseApdu Transmit(CommandApdu command);

    /// <summary>A copy of the purse's persistent memory, byte for byte.</summary>
    byte[] ReadPersistentMemory();

    /// <summary>Power lost and restored between commands: a new applet instance, nothing selected.</summary>
    void PowerCycle();

    /// <summary>Fails if the applet threw anything but IsoException or left a transaction open.</summary>
    void AssertNoInternalErrors();
}
