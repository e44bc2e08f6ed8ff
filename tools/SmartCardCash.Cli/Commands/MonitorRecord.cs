using System.Text.Json;
using SmartCardCash.Cli.Output;
using SmartCardCash.Iso7816;
using SmartCardCash.Pcsc.Monitoring;

namespace SmartCardCash.Cli.Commands;

/// <summary>One event seen by <c>scc monitor</c>, as queued from the monitor thread to the writing thread.</summary>
internal sealed record MonitorRecord(
    DateTimeOffset Time,
    string Event,
    string? Reader,
    ReadOnlyMemory<byte> Atr,
    PcscMonitorEventCause? Cause,
    string? Message)
{
    public const string ReaderAttached = "readerAttached";
    public const string ReaderDetached = "readerDetached";
    public const string CardInserted = "cardInserted";
    public const string CardRemoved = "cardRemoved";
    public const string ServiceLost = "serviceLost";
    public const string ServiceBack = "serviceBack";
    public const string Error = "error";

    public MonitorEventJson ToJson() => new(
        Formats.IsoTime(Time),
        Event,
        Reader,
        Atr.IsEmpty ? null : Hex.Encode(Atr.Span),
        Cause is { } cause ? JsonNamingPolicy.CamelCase.ConvertName(cause.ToString()) : null,
        Message);

    /// <summary>"2025-11-25 14:33:55.123  card inserted    Virtual PCD 00 00  ATR 3B…  (present at start)"</summary>
    public string ToLine()
    {
        string label = Event switch
        {
            ReaderAttached => "reader attached",
            ReaderDetached => "reader detached",
            CardInserted => "card inserted",
            CardRemoved => "card removed",
            ServiceLost => "service lost",
            ServiceBack => "service back",
            _ => "error",
        };
        var line = new System.Text.StringBuilder($"{Formats.Time(Time)}  {label,-15}");
        if (Reader is not null)
        {
            line.Append("  ").Append(Reader);
        }
        if (Event == CardInserted && !Atr.IsEmpty)
        {
            line.Append("  ATR ").Append(Hex.Encode(Atr.Span));
        }
        if (Message is not null)
        {
            line.Append("  ").Append(Message);
        }
        string? why = Cause switch
        {
            PcscMonitorEventCause.MonitorStarted => "present at start",
            PcscMonitorEventCause.ServiceLost => "service lost",
            PcscMonitorEventCause.ServiceRestored => "after the service came back",
            _ => null,
        };
        if (why is not null)
        {
            line.Append("  (").Append(why).Append(')');
        }
        return line.ToString().TrimEnd();
    }
}
