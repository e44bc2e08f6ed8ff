using SmartCardCash.Cli.Output;

namespace SmartCardCash.Cli.Attach;

/// <summary>One event of <c>scc emulator attach</c>, as queued from the slots' tasks to the writing thread.</summary>
internal sealed record AttachRecord(DateTimeOffset Time, string Event, int Slot, string Card, string Message)
{
    public const string Attached = "attach";
    public const string Inserted = "insert";
    public const string Removed = "remove";
    public const string Torn = "tear";
    public const string Reconnecting = "reconnect";
    public const string Occupied = "occupied";
    public const string Fault = "fault";
    public const string Detached = "detach";

    public string? Interface { get; init; }

    public string? Atr { get; init; }

    public string? Vpcd { get; init; }

    public long? Apdu { get; init; }

    public string? Point { get; init; }

    public AttachEventJson ToJson() => new(Formats.IsoTime(Time), Event, Slot, Card, Message, Interface, Atr, Vpcd, Apdu, Point);

    /// <summary>"2025-11-25 14:33:55.123  insert     slot 0  alice  in the reader (vpcd 127.0.0.1:35963)", the card's
    /// name padded to <paramref name="cardWidth"/> so that the messages line up.</summary>
    public string ToLine(int cardWidth) => $"{Formats.Time(Time)}  {Event,-9}  slot {Slot}  {Card.PadRight(cardWidth)}  {Message}";
}
