using SmartCardCash.Cli.Output;

namespace SmartCardCash.Cli.Demo;

/// <summary>One demo card at the end: name, address, purse ID, class, interface, balance, log occupancy.</summary>
internal sealed record DemoCardJson(string Name, string Card, string PurseId, string Class, string Interface, MoneyJson Balance,
    int Transactions, int Exceptions);
