using SmartCardCash.Cli.Output;

namespace SmartCardCash.Cli.Payments;

/// <summary>One line of <c>scc receive --json</c>.</summary>
/// <param name="Address">For the "listening" event: where payers connect, tcp://HOST:PORT.</param>
/// <param name="Journal">For the "paymentReceived" event: where the payment's evidence was kept, or why not.</param>
internal sealed record PayeeEventJson(string Time, string Event, string Message, string? Address, string? Remote, PaymentJson? Payment,
    string? Command, string? StatusWord, string? Result, MoneyJson? Balance, JournalJson? Journal);
