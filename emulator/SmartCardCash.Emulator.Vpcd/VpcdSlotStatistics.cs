namespace SmartCardCash.Emulator.Vpcd;

/// <summary>A snapshot of a slot's counters since the bridge started.</summary>
/// <param name="Connects">TCP connections made to vpcd (each an insertion once vpcd polls the card on it).</param>
/// <param name="Disconnects">Connections ended, by either side (removals).</param>
/// <param name="ApdusReceived">Command APDUs vpcd sent.</param>
/// <param name="ApdusForwarded">Command APDUs given to the card (a command torn before it is not).</param>
/// <param name="Tears">Times the card was pulled out by the tearing plan, or lost power by the card's own plan.</param>
/// <param name="PowerUps">Power-on requests (01).</param>
/// <param name="PowerDowns">Power-off requests (00).</param>
/// <param name="Resets">Reset requests (02).</param>
/// <param name="AtrRequests">ATR requests (04), which are also vpcd's presence polls.</param>
public readonly record struct VpcdSlotStatistics(
    long Connects,
    long Disconnects,
    long ApdusReceived,
    long ApdusForwarded,
    long Tears,
    long PowerUps,
    long PowerDowns,
    long Resets,
    long AtrRequests);
