using System.Text.Json.Serialization;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Payments;

namespace SmartCardCash.Remote;

/// <summary>One thing that happened at a <see cref="PayeeListener"/>, for printing as it happens.</summary>
/// <param name="Message">One plain sentence.</param>
public sealed record PayeeEvent(PayeeEventKind Kind, DateTimeOffset Time, string Message)
{
    /// <summary>The payer's address ("127.0.0.1:53422"), when a connection is concerned.</summary>
    public string? Remote { get; init; }

    /// <summary>The payment details, when known (from START TO's req or the VAL).</summary>
    public PaymentSummary? Payment { get; init; }

    /// <summary>The status word answered ("9402", "6900"), for refusals.</summary>
    public string? StatusWord { get; init; }

    /// <summary>The command concerned ("VAL", "READ LOG").</summary>
    public string? Command { get; init; }

    /// <summary>
    /// For <see cref="PayeeEventKind.PaymentReceived"/>: the payer's signed val the card accepted, with the card's ack and
    /// the payer's certificate when this session carried them; for the terminal's journal. Bytes, so not in the JSON.
    /// </summary>
    [JsonIgnore]
    public SignedPayment? SignedPayment { get; init; }

    /// <summary>For <see cref="PayeeEventKind.SessionClosed"/>: what the connection did for a payment.</summary>
    public PayeeConnectionResult? Result { get; init; }

    /// <summary>For a connection that received a payment: the pocket's balance afterwards, when the card could be read.</summary>
    [JsonIgnore]
    public Money? BalanceAfter { get; init; }

    /// <summary>The balance afterwards as text ("EUR 12.50"), or null.</summary>
    public string? Balance => BalanceAfter?.ToString();
}
