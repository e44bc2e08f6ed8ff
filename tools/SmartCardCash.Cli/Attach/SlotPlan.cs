using SmartCardCash.Emulator;
using SmartCardCash.Emulator.Vpcd;

namespace SmartCardCash.Cli.Attach;

/// <summary>One <c>--slot N CARD</c> with what the other options say about that slot.</summary>
/// <param name="Interface">Null: the card image's own interface.</param>
internal sealed record SlotPlan(int Slot, string Card, InterfaceProfile? Interface, VpcdTearing Tearing);
