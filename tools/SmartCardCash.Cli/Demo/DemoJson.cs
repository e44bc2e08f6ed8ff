using SmartCardCash.BankApi.Contracts;
using SmartCardCash.Cli.Output;

namespace SmartCardCash.Cli.Demo;

/// <summary>
/// <c>scc demo --json</c>: where the demo lives, whether an earlier one was reset, where its bank listened, every step
/// with its payment outcome, the cards and the accounts at the end, the bank's audit, and whether the books balance:
/// the audit found nothing and the cards hold exactly the e-value outstanding.
/// </summary>
internal sealed record DemoJson(string Home, bool Reset, string Bank, IReadOnlyList<DemoStepJson> Steps, IReadOnlyList<DemoCardJson> Cards,
    IReadOnlyList<AccountJson> Accounts, MoneyJson Outstanding, AuditJson Audit, bool BooksBalance);
