using System.Text.Json.Serialization;

namespace SmartCardCash.Purse.Payments;

/// <summary>Whether something happened, as far as the cards' answers and states prove it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Certainty>))]
public enum Certainty
{
    No,

    /// <summary>Possibly: a command was sent and its answer lost, and the card could not be asked since.</summary>
    Maybe,

    Yes,
}
