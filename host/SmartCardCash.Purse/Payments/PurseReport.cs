using System.Text.Json.Serialization;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Payments;

/// <summary>One purse as the payment left it: its name, ID and transfer state when last asked.</summary>
public sealed record PurseReport
{
    public PurseReport(string name, PurseId? purseId, TransferState? state, bool reachable)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Id = purseId;
        TransferState = state;
        Reachable = reachable;
    }

    /// <summary>The card's name ("alice", "tcp://127.0.0.1:7000").</summary>
    public string Name { get; }

    [JsonIgnore]
    public PurseId? Id { get; }

    /// <summary>The purse ID in hex; null when the card never told it.</summary>
    public string? PurseId => Id?.ToString();

    [JsonIgnore]
    public TransferState? TransferState { get; }

    /// <summary>idle, epr, epv or epa as the card last said; null when it could not be asked at the end.</summary>
    public string? State => TransferState is { } state ? StateName(state) : null;

    /// <summary>Whether the card answered at the end of the run.</summary>
    public bool Reachable { get; }

    /// <summary>The protocol's own names: idle, epr (expecting req), epv (expecting val), epa (expecting ack).</summary>
    public static string StateName(TransferState state) => state switch
    {
        Spec.TransferState.Idle => "idle",
        Spec.TransferState.ExpectingReq => "epr",
        Spec.TransferState.ExpectingVal => "epv",
        Spec.TransferState.ExpectingAck => "epa",
        _ => $"state {(byte)state:X2}",
    };
}
