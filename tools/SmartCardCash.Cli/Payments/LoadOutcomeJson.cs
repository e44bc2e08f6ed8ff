using SmartCardCash.BankApi.Contracts;

namespace SmartCardCash.Cli.Payments;

/// <summary>The JSON document of <c>scc load</c>: the request ID (to retry with), the load as the bank ended it, and the
/// payment as <c>scc pay</c> reports one (null when a retried load was already over and nothing was paid).</summary>
internal sealed record LoadOutcomeJson(string RequestId, LoadJson Load, PaymentOutcomeJson? Payment, int ExitCode);
