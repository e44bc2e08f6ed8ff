using SmartCardCash.BankApi.Contracts;
using SmartCardCash.Cli.Commands;

namespace SmartCardCash.Cli.Bank;

/// <summary><c>scc bank audit</c>: the bank recomputes every balance and checks its invariants; exit 0 when the books
/// balance, 8 when they do not.</summary>
internal sealed class BankAuditCommand : BankClientCommand
{
    public BankAuditCommand(GlobalOptions globals, CliContext context)
        : base(globals, context, "audit", BankHelpTexts.AuditDescription)
    {
        AddConnectionOptions();
    }

    protected override int Execute(CommandRun run)
    {
        AuditJson audit = Call(cancel => Connect(run).AuditAsync(cancel));
        run.Write(audit, () =>
        {
            if (audit.Currencies.Count > 0)
            {
                run.Console.Write(BankTables.Audit(audit));
            }
            Context.Stdout.WriteLine(audit.Balanced
                ? $"The books balance: {audit.Accounts} accounts, {audit.Transfers} {(audit.Transfers == 1 ? "transfer" : "transfers")}; minted = bank purses + outstanding, " +
                  "float + suspense = outstanding, and each book sums to zero."
                : $"The books do not balance: {audit.Findings.Count} {(audit.Findings.Count == 1 ? "finding" : "findings")}.");
            foreach (AuditFindingJson finding in audit.Findings)
            {
                Context.Stdout.WriteLine($"  {finding.Check}: {finding.Sentence}");
            }
        });
        return audit.Balanced ? ExitCodes.Success : ExitCodes.BooksUnbalanced;
    }
}
