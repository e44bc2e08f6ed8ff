using SmartCardCash.BankApi.Contracts;
using SmartCardCash.Cli.Bank;
using SmartCardCash.Cli.Output;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Cli.Demo;

/// <summary>The demo's ending: the bank's audit, checked against the cards themselves.</summary>
internal sealed partial class DemoScript
{
    /// <summary>
    /// The books balance when the bank's audit finds nothing (minted = bank purses + outstanding, every book sums to
    /// zero), the cards hold exactly the e-value the bank says is outstanding, and no card's exception log holds a record.
    /// </summary>
    private int Audit(DemoBank bank, List<DemoCard> cards)
    {
        AuditJson audit = bank.Call(c => bank.Operator.AuditAsync(c));
        AccountsJson accounts = bank.Call(c => bank.Operator.ListAccountsAsync(Currency.Eur.AlphaCode, c));
        List<DemoCardJson> summary = [.. cards.Select(Describe)];
        long onCards = summary.Sum(c => checked((long)c.Balance.MinorUnits));
        CurrencyTotalsJson eur = audit.Currencies.Single(c => c.Currency == Currency.Eur.AlphaCode);
        bool balance = audit.Balanced && eur.Minted == eur.BankPurses + eur.Outstanding && eur.Outstanding == onCards
            && summary.All(c => c.Exceptions == 0);
        if (!balance)
        {
            throw new InvalidOperationException($"the demo's books do not balance: {audit.Findings.Count} findings; the cards hold " +
                $"{Eur(onCards)}, the bank says {Eur(eur.Outstanding)} is outstanding");
        }
        Step("audit", $"The bank's audit recomputed every balance from the ledger: minted {Eur(eur.Minted)} ({Eur(eur.MintedGross)} " +
            $"less {Eur(eur.WrittenOff)} lost and refunded) = {Eur(eur.BankPurses)} in bank purses + {Eur(eur.Outstanding)} " +
            $"e-value outstanding, and every posting sums to zero. The three cards hold {Eur(onCards)}: exactly the e-value " +
            "outstanding. Every exception log is empty.");
        FinalTable(summary, onCards);
        if (!settings.Json)
        {
            Console.Write(BankTables.Accounts(accounts.Accounts));
            Console.Write(BankTables.Audit(audit));
        }
        Line("");
        Line($"The cards, the bank's books and its keys stay in {home}; 'scc demo' again starts afresh. To go on with " +
            "them, serve the demo's bank in one terminal and use it from another:");
        Command($"SCC_HOME={home} scc bank serve");
        Command($"SCC_HOME={home} scc bank audit");
        Command($"SCC_HOME={home} scc load --card alice --account {CustomerAlice} --amount 10 --currency EUR --key-file {DemoBank.KeyFile(home, "terminal")}");
        Line("");
        // The verdict is the demo's last line.
        Line($"The books balance: minted {Eur(eur.Minted)} = bank purses {Eur(eur.BankPurses)} + e-value outstanding " +
            $"{Eur(eur.Outstanding)}, held on the cards to the cent, and the ledger sums to zero.");

        if (settings.Json)
        {
            JsonOutput.WriteDocument(context.Stdout, new DemoJson(home, reset, bank.Address.ToString(), _steps, summary,
                accounts.Accounts, PurseFormats.Json(Eur(onCards)), audit, balance));
        }
        return ExitCodes.Success;
    }

    private DemoCardJson Describe(DemoCard card)
    {
        PurseInfo info = card.Purse.ReadInfo();
        PocketInfo pocket = info.Pockets.Single();
        return new DemoCardJson(card.Name, card.Address, info.PurseId!.Value.ToString(),
            PurseFormats.Class(info.Class), PurseFormats.Interface(card.Interface), PurseFormats.Json(pocket.BalanceMoney),
            info.TransactionLog.Count, info.ExceptionLog.Count);
    }
}
