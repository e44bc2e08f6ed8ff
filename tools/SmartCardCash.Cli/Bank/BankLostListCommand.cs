using SmartCardCash.BankApi.Contracts;
using SmartCardCash.Cli.Commands;
using SmartCardCash.Cli.Output;
using Spectre.Console;

namespace SmartCardCash.Cli.Bank;

/// <summary><c>scc bank lost list</c>: the open maybe-lost and owed payments, oldest first, with how long each has been
/// open (operator).</summary>
internal sealed class BankLostListCommand : BankClientCommand
{
    public BankLostListCommand(GlobalOptions globals, CliContext context)
        : base(globals, context, "list", BankArchiveHelpTexts.LostListDescription)
    {
        AddConnectionOptions();
    }

    protected override int Execute(CommandRun run)
    {
        LostPaymentsJson lost = Call(cancel => Connect(run).LostPaymentsAsync(cancel));
        run.Write(lost, () =>
        {
            var table = PurseTables.Create("Payer", "Seq", "Payee", "Amount", "State", "Open for");
            foreach (LostPaymentJson payment in lost.Payments)
            {
                table.AddRow(payment.Payer, payment.FromSeq.ToString(System.Globalization.CultureInfo.InvariantCulture), payment.Payee,
                    BankMoney.Format(payment.Amount, payment.Currency), payment.State, Duration(payment.OpenSeconds));
            }
            run.Console.Write(table);
            Context.Stdout.WriteLine(lost.Payments.Count == 0
                ? "No lost payment is open."
                : $"{lost.Payments.Count} open: a maybe-lost payment waits for its payee's record; an owed one for 'scc bank lost refund PURSE --account ID'.");
        });
        return ExitCodes.Success;
    }

    private static string Duration(long seconds) => TimeSpan.FromSeconds(seconds) switch
    {
        { TotalDays: >= 1 } t => $"{(int)t.TotalDays} d {t.Hours} h",
        { TotalHours: >= 1 } t => $"{t.Hours} h {t.Minutes} min",
        var t => $"{(int)t.TotalMinutes} min",
    };
}
