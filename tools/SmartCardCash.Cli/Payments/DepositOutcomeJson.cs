using SmartCardCash.BankApi.Contracts;

namespace SmartCardCash.Cli.Payments;

/// <summary>The JSON document of <c>scc deposit</c>: the request ID, the deposit as the bank ended it (amount, fee, net
/// credited) and the payment as <c>scc pay</c> reports one (null when nothing was paid).</summary>
internal sealed record DepositOutcomeJson(string RequestId, DepositJson Deposit, PaymentOutcomeJson? Payment, int ExitCode);
