using SmartCardCash.CardAccess;
using SmartCardCash.Cli.Output;
using SmartCardCash.Emulator;
using SmartCardCash.Issuing;
using SmartCardCash.Issuing.Personalisation;
using SmartCardCash.Issuing.Storage;
using SmartCardCash.LocalData;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Purse.Spec;
using Spectre.Console;

namespace SmartCardCash.Cli.Payments;

/// <summary>
/// The story <c>scc demo</c> tells, on emulated cards in a folder of its own: an issuer, a bank purse, two customers
/// and a shop; a mint; loads; payments (one with an order digest); one payment cut off when the shop's card is pulled
/// right after the payer was debited, then finished with RESUME; and the balances and logs at the end, every cent
/// accounted for. Each step is checked: a demo that does not go as told fails instead of pretending.
/// </summary>
internal sealed class DemoScript(CliContext context, OutputSettings settings, string home, bool reset)
{
    private const string LockCode = "1234";
    private static readonly IssuerId DemoIssuer = new(0x5343430D);

    private readonly List<DemoStepJson> _steps = [];
    private readonly PaymentCoordinator _coordinator = new();
    private IAnsiConsole? _console;
    private int _section;

    private IAnsiConsole Console => _console ??= ConsoleFactory.Create(context.Stdout, context.IsTerminal);

    public int Run()
    {
        var cards = new List<DemoCard>();
        try
        {
            return Tell(cards);
        }
        finally
        {
            foreach (DemoCard card in cards)
            {
                card.Connection.Dispose();
            }
        }
    }

    private int Tell(List<DemoCard> cards)
    {
        Heading($"SmartCardCash demo, in {home}");
        if (reset)
        {
            Line($"Found a previous demo in {home}: starting it afresh.");
        }

        Section("The issuer");
        IssuerStore issuers = IssuerStore.ForHome(home, context.Time);
        Issuer issuer = issuers.Create(DemoIssuer);
        Step("issuer", $"Created issuer {issuer.Id}. Its private key certifies every purse and signs every mint; every purse " +
            "carries the issuer's certificate as its trust anchor, and so does this terminal.");

        Section("Four purses");
        var store = EmulatedCardStore.ForHome(home);
        var personaliser = new PursePersonaliser(issuer, issuers, context.Time);
        DemoCard bank = NewCard(store, personaliser, cards, "bank", PurseClass.Bank, InterfaceProfile.ContactT1);
        DemoCard alice = NewCard(store, personaliser, cards, "alice", PurseClass.Customer, InterfaceProfile.Contactless);
        DemoCard bob = NewCard(store, personaliser, cards, "bob", PurseClass.Customer, InterfaceProfile.ContactT0);
        DemoCard shop = NewCard(store, personaliser, cards, "shop", PurseClass.Merchant, InterfaceProfile.ContactT1);
        Step("cards", "Made four emulated cards and personalised each through APDUs, as a real card is: the card generates " +
            "its key pair, the issuer certifies the public key, then certificates, limits and a lock code are written and the " +
            "purse is activated.");
        CardTable(cards);

        Section("Minting");
        bank.Purse.Select();
        MintReceipt mint = bank.Purse.Mint(issuer, Money.Of(Currency.Eur, 100_000));
        issuers.AppendMint(new MintRecord(context.Time.GetUtcNow(), mint.Purse, mint.Currency, mint.Amount, mint.IssuerCounter));
        Step("mint", $"Minted {mint.AmountMoney} into bank: the issuer signed a MINT for the bank purse's issuer counter. " +
            "Value comes into existence only this way, and only in a bank purse; the mint is in the issuer's journal.");

        var policy = new PaymentPolicy(issuer.Certificate, Hotlist.Empty, context.Time);
        Section("Loading the customers");
        Pay("load-alice", bank, alice, 10_000, null, policy,
            "A load is an ordinary payment from the bank purse: SELECT, certificates checked by the terminal and by each purse, " +
            "START FROM, START TO, REQ (alice's req debits the bank), VAL (credits alice), ACK.");
        Pay("load-bob", bank, bob, 5_000, null, policy, null);

        Section("Payments");
        Pay("alice-pays-bob", alice, bob, 1_250, null, policy,
            "Person to person, card to card. alice's card is contactless: up to its EUR 50.00 contactless limit no lock code is needed.");
        Pay("bob-pays-shop", bob, shop, 840, "Order 1001: 2 coffees, 1 croissant", policy,
            "A purchase: the SHA-256 of the shop's order is bound into the payment details, which both purses sign and log.");

        Section("A payment cut off, and finished");
        shop.Channel.PullBefore(PurseInstruction.Val);
        PaymentOutcome cut = _coordinator.Pay(alice.Purse, shop.Purse, new PaymentRequest(Money.Of(Currency.Eur, 2_300)), policy);
        Expect(cut, PaymentOutcomeKind.Interrupted);
        Step("interrupted", "alice pays the shop EUR 23.00. Right after alice's REQ (alice is debited), the shop's card is " +
            "pulled from its reader, before the VAL reaches it. The terminal cannot reach the shop again: it leaves both cards " +
            "as they are and says exactly what it knows:", Outcome(cut, alice, shop));
        Line($"  {cut.Summary}");
        Balances(("alice", Balance(alice)), ("shop", "not reachable"), ("in flight", "EUR 23.00, held in alice's pending log"));

        shop.Channel.PutBack();
        PaymentOutcome finished = _coordinator.Recover(alice.Purse, shop.Purse);
        Expect(finished, PaymentOutcomeKind.Completed);
        Step("recovered", "The shop's card is put back. Recovery asks both purses what they hold (alice: epa, the shop: still " +
            "epv for the same payment, so the VAL never arrived), RESUMEs alice's val, delivers it to the shop and the shop's " +
            "ack to alice, as 'scc recover --from emu:alice --to emu:shop' does:", Outcome(finished, alice, shop));
        Line($"  {finished.Summary}");
        Balances(("alice", Balance(alice)), ("shop", Balance(shop)));

        Section("At the end");
        List<DemoCardJson> summary = [.. cards.Select(Describe)];
        ulong total = summary.Aggregate(0UL, (sum, c) => sum + c.Balance.MinorUnits);
        if (total != mint.Amount || summary.Any(c => c.Exceptions != 0))
        {
            throw new InvalidOperationException($"the demo's books do not balance: {total} held of {mint.Amount} minted");
        }
        Step("balances", $"Every cent is accounted for: the purses hold {Money.Of(Currency.Eur, total)}, exactly what was " +
            "minted, and every exception log is empty: no value was lost or is in doubt.");
        FinalTable(summary, total);
        ShopLog(shop);
        Line("");
        Line($"The cards stay in {SccHome.CardsDirectory(home)}; 'scc demo' again starts afresh. To go on with them:");
        Command($"SCC_HOME={home} scc log --card shop");
        Command($"SCC_HOME={home} scc pay --from alice --to bob --amount 5 --currency EUR");

        if (settings.Json)
        {
            JsonOutput.WriteDocument(context.Stdout, new DemoJson(home, reset, _steps, summary,
                PurseFormats.Json(mint.AmountMoney), PurseFormats.Json(new Money(Currency.Eur.Code, total))));
        }
        return ExitCodes.Success;
    }

    private DemoCard NewCard(EmulatedCardStore store, PursePersonaliser personaliser, List<DemoCard> cards, string name,
        PurseClass purseClass, InterfaceProfile profile)
    {
        CardConnection connection = store.CreatePurseCard(name, profile);
        var channel = new RemovableChannel((EmulatedCardChannel)connection.Channel);
        var card = new DemoCard(name, connection, channel, PurseCard.Open(channel, name), profile);
        cards.Add(card);
        card.Result = personaliser.Personalise(card.Purse,
            PersonalisationRequest.WithDefaultLimits(purseClass, [Currency.Eur.Code], LockCode));
        return card;
    }

    private void Pay(string step, DemoCard payer, DemoCard payee, uint cents, string? order, PaymentPolicy policy, string? why)
    {
        byte[] digest = order is null ? [] : System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(order));
        PaymentOutcome outcome = _coordinator.Pay(payer.Purse, payee.Purse, new PaymentRequest(Money.Of(Currency.Eur, cents), digest), policy);
        Expect(outcome, PaymentOutcomeKind.Completed);
        PaymentSummary payment = outcome.Payment!;
        string text = $"{payer.Name} paid {payee.Name} {payment.Value} (sequence numbers {payment.FromSeq} and {payment.ToSeq})" +
            (order is null ? "." : $" for \"{order}\", order digest {payment.OrderDigest![..16]}….") +
            (why is null ? "" : $" {why}");
        Step(step, text, Outcome(outcome, payer, payee));
        Balances((payer.Name, Balance(payer)), (payee.Name, Balance(payee)));
    }

    private static void Expect(PaymentOutcome outcome, PaymentOutcomeKind kind)
    {
        if (outcome.Kind != kind)
        {
            throw new InvalidOperationException($"the demo expected {kind} but the payment ended {outcome.Kind}: {outcome.Summary}");
        }
    }

    private static PaymentOutcomeJson Outcome(PaymentOutcome outcome, DemoCard payer, DemoCard payee)
    {
        var parties = new PaymentParties(payer.Connection.Address.ToString(), payee.Connection.Address.ToString(), null, null);
        return PaymentReport.ToJson(outcome, parties, PaymentReport.NextSteps(outcome, parties),
            PaymentExitCodes.ForPayment(outcome));
    }

    private static string Balance(DemoCard card)
    {
        card.Purse.Select();
        return new Money(Currency.Eur.Code, card.Purse.GetBalances().Single().Balance).ToString();
    }

    private DemoCardJson Describe(DemoCard card)
    {
        PurseInfo info = card.Purse.ReadInfo();
        PocketInfo pocket = info.Pockets.Single();
        return new DemoCardJson(card.Name, card.Connection.Address.ToString(), info.PurseId!.Value.ToString(),
            PurseFormats.Class(info.Class), PurseFormats.Interface(card.Interface), PurseFormats.Json(pocket.BalanceMoney),
            info.TransactionLog.Count, info.ExceptionLog.Count);
    }

    // ---- Output: plain sentences and small tables for people; the steps for --json ---------------------------

    private void Step(string step, string text, PaymentOutcomeJson? outcome = null)
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
            Console.Write(new Text(Paragraph.Wrap(text) + "\n"));
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

    private void FinalTable(List<DemoCardJson> cards, ulong total)
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
            table.AddRow(card.Name, card.Class, card.PurseId, $"EUR {card.Balance.Amount}", card.Transactions.ToString(System.Globalization.CultureInfo.InvariantCulture),
                card.Exceptions.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        table.AddRow("total", "", "", new Money(Currency.Eur.Code, total).ToString(), "", "");
        Console.Write(table);
    }

    private void ShopLog(DemoCard shop)
    {
        IReadOnlyList<TransactionLogEntry> log = shop.Purse.ReadTransactionLog();
        if (settings.Json)
        {
            return;
        }
        Line("The shop's transaction log, most recent first (scc log --card shop):");
        Console.Write(TransactionLogTable.Create(log, shop.Purse.GetStatus().PurseId));
    }
}
