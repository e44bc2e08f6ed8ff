using SmartCardCash.BankApi.Contracts;

namespace SmartCardCash.Cli.Payments;

/// <summary>The JSON document of <c>scc deposit</c>: the request ID, the deposit as the bank ended it (amount, fee, net
/// credited), the payment as <c>scc pay</c> reports one (null when nothing was paid) and the terminal journal's upload
/// for clearing that follows the deposit (<see cref="JournalUpload"/>; its failure leaves <see cref="ExitCode"/> the deposit's).</summary>
internal sealed record DepositOutcomeJson(string RequestId, DepositJson Deposit, PaymentOutcomeJson? Payment, JournalUploadJson JournalUpload, int ExitCode);
