namespace SmartCardCash.Cli.Output;

/// <summary>
/// One line of <c>scc emulator attach --json</c>. Every line has every property (null where it does not apply).
/// Event: attach, insert, remove, tear, reconnect, fault, detach.
/// </summary>
/// <param name="Apdu">For tear: the torn command's number among the slot's command APDUs (1-based).</param>
/// <param name="Point">For tear: before, during or after.</param>
internal sealed record AttachEventJson(string Time, string Event, int Slot, string Card, string Message, string? Interface,
    string? Atr, string? Vpcd, long? Apdu, string? Point);
