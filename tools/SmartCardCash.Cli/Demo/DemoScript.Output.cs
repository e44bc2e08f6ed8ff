using SmartCardCash.Cli.Output;
using SmartCardCash.Purse.Spec;
using Spectre.Console;

namespace SmartCardCash.Cli.Demo;

/// <summary>The demo's output: plain sentences and small tables for people; with --json, only the steps, kept for the
/// one document written at the end.</summary>
internal sealed partial class DemoScript
{
    private IAnsiConsole? _console;
    private int _section;

    private IAnsiConsole Console => _console ??= ConsoleFactory.Create(context.Stdout, context.IsTerminal);

    private void Step(string step, string text, Payments.PaymentOutcomeJson? outcome = null)
    {
        _steps.Add(new DemoStepJson(step, text, outcome));
        Line(text);
    }

    /// <summary>A command to copy: never wrapped.</summary>
    private void Command(string command)
    {
        if (!settings.Json)
        {
            Console.Write(new Text($"  {command}\n"));
        }
    }

    private void Heading(string text)
    {
        if (!settings.Json)
        {
            Console.Write(new Markup($"[bold]{Markup.Escape(text)}[/]\n"));
        }
    }

    private void Section(string title)
    {
        if (!settings.Json)
        {
            Console.Write(new Markup($"\n[bold]{++_section}. {Markup.Escape(title)}[/]\n"));
        }
    }

    private void Line(string text)
    {
        if (!settings.Json)
        {
            Console.Write(new Text(Payments.Paragraph.Wrap(text) + "\n"));
        }
    }

    private void Balances(params (string Name, string Value)[] rows)
    {
        if (!settings.Json)
        {
            Line("  " + string.Join("   ", rows.Select(r => $"{r.Name}: {r.Value}")));
        }
    }

    private void CardTable(List<DemoCard> cards)
    {
        if (settings.Json)
        {
            return;
        }
        Table table = PurseTables.Create("Card", "Class", "Purse ID", "Interface", "Certificate");
        foreach (DemoCard card in cards)
        {
            CertificateBody body = card.Result!.Certificate.Body;
            table.AddRow(card.Name, PurseFormats.Class(card.Result.Class), card.Result.PurseId.ToString(),
                PurseFormats.Interface(card.Interface), $"{body.Effective} to {body.Expiry}");
        }
        Console.Write(table);
    }

    private void FinalTable(List<DemoCardJson> cards, long total)
    {
        if (settings.Json)
        {
            return;
        }
        Table table = PurseTables.Create("Card", "Class", "Purse ID", "Balance", "Transactions", "Exception records");
        foreach (int column in new[] { 3, 4, 5 })
        {
            table.Columns[column].RightAligned();
        }
        foreach (DemoCardJson card in cards)
        {
            table.AddRow(card.Name, card.Class, card.PurseId, $"EUR {card.Balance.Amount}",
                card.Transactions.ToString(System.Globalization.CultureInfo.InvariantCulture),
                card.Exceptions.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        table.AddRow("total", "", "", Eur(total).ToString(), "", "");
        Console.Write(table);
    }
}
