using SmartCardCash.Cli.Output;

namespace SmartCardCash.Cli.Payments;

/// <summary>
/// The JSON document of <c>scc pay</c> and <c>scc recover</c>: the outcome as the coordinator established it from
/// the cards, the payment details, both purses, where the value is, the commands that finish it, and where a completed
/// payment's evidence was kept (null when there is none to keep).
/// </summary>
internal sealed record PaymentOutcomeJson(
    string Outcome,
    string Summary,
    PaymentJson? Payment,
    PaymentPurseJson Payer,
    PaymentPurseJson? Payee,
    string Debited,
    string Credited,
    string Value,
    PaymentRefusalJson? Refusal,
    IReadOnlyList<string> SideEffects,
    IReadOnlyList<string> Recovery,
    string Remedy,
    IReadOnlyList<string> Next,
    JournalJson? Journal,
    int ExitCode);
