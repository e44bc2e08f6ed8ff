using SmartCardCash.CardAccess;
using SmartCardCash.Cli.Payments;
using SmartCardCash.Emulator;
using SmartCardCash.Issuing.Personalisation;
using SmartCardCash.Purse;

namespace SmartCardCash.Cli.Demo;

/// <summary>One card of the demo: its open connection, the channel the demo can pull it through, its purse.</summary>
internal sealed class DemoCard(string name, CardConnection connection, RemovableChannel channel, PurseCard purse, InterfaceProfile interfaceProfile)
{
    public string Name { get; } = name;

    public CardConnection Connection { get; } = connection;

    /// <summary>Its address, as the commands take it: <c>emu:alice</c>.</summary>
    public string Address => Connection.Address.ToString();

    public RemovableChannel Channel { get; } = channel;

    public PurseCard Purse { get; } = purse;

    public InterfaceProfile Interface { get; } = interfaceProfile;

    public PersonalisationResult? Result { get; set; }
}
