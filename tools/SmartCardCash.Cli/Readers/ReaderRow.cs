using SmartCardCash.Cli.Output;
using SmartCardCash.Iso7816;

namespace SmartCardCash.Cli.Readers;

/// <summary>One line of <c>scc readers</c>.</summary>
internal sealed record ReaderRow(string Name, ReaderCardState State, ReadOnlyMemory<byte> Atr, CardProtocol Protocol)
{
    public string StateText => State switch
    {
        ReaderCardState.Present => "present",
        ReaderCardState.Empty => "empty",
        ReaderCardState.InUse => "in use",
        ReaderCardState.Mute => "mute",
        _ => "unavailable",
    };

    /// <summary>The JSON spelling of <see cref="State"/>: camelCase, without spaces.</summary>
    public string StateName => State switch
    {
        ReaderCardState.Present => "present",
        ReaderCardState.Empty => "empty",
        ReaderCardState.InUse => "inUse",
        ReaderCardState.Mute => "mute",
        _ => "unavailable",
    };

    public ReaderJson ToJson() =>
        new(Name, StateName, Atr.IsEmpty ? null : Hex.Encode(Atr.Span), Formats.Protocol(Protocol));
}
