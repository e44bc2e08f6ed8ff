using SmartCardCash.BankApi.Contracts;
using SmartCardCash.CardAccess;
using SmartCardCash.Cli.Payments;
using SmartCardCash.Emulator;
using SmartCardCash.Issuing;
using SmartCardCash.Issuing.Personalisation;
using SmartCardCash.Issuing.Storage;
using SmartCardCash.Journal;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Cli.Demo;

/// <summary>
/// The story <c>scc demo</c> tells, in a folder of its own, with the real bank service on a free loopback port: an
/// issuer; the bank's accounts, cash paid in, a bank purse and its mint; three emulated cards; loads from the
/// customers' accounts; payments, one cut off and finished with RESUME; the shop's deposit, paid minus its fee; the
/// terminal journal cleared; a payment that is definitely lost, refunded exactly once from the two cards' signed
/// exception logs; and the audit: the books balance, and the cards hold exactly the e-value the bank says is out.
/// Every step is checked: a demo that does not go as told fails instead of pretending.
/// </summary>
internal sealed partial class DemoScript(CliContext context, OutputSettings settings, string home, bool reset)
{
    private const string LockCode = "1234";
    private static readonly IssuerId DemoIssuer = new(0x5343430D);

    private readonly List<DemoStepJson> _steps = [];
    private readonly PaymentCoordinator _coordinator = new();
    private PaymentPolicy? _policy;

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
        _policy = new PaymentPolicy(issuer.Certificate, Hotlist.Empty, context.Time);
        Step("issuer", $"Created issuer {issuer.Id}. Its private key certifies every purse, signs every mint, the hotlist and " +
            "the bank's clear codes; every purse and this terminal carry its certificate as their trust anchor.");

        using DemoBank bank = DemoBank.Start(home, issuer, issuers, context.Time, context.Interrupt);
        Section("The bank");
        Step("bank", $"Started the bank service on {bank.Address}, its books in {BankHomePath()} (SQLite). Everything below " +
            "reaches it over HTTP with an API key, for a role: the operator's key was issued on the bank's first start.");

        Section("Accounts, cash and the bank's purse");
        Dictionary<string, string> credentials = OpenAccounts(bank);
        BankPurseJson bankPurse = MintIntoBankPurse(bank);

        Section("Three cards");
        var store = EmulatedCardStore.ForHome(home);
        var personaliser = new PursePersonaliser(issuer, issuers, context.Time);
        DemoCard alice = NewCard(store, personaliser, cards, "alice", PurseClass.Customer, InterfaceProfile.Contactless);
        DemoCard bob = NewCard(store, personaliser, cards, "bob", PurseClass.Customer, InterfaceProfile.ContactT0);
        DemoCard shop = NewCard(store, personaliser, cards, "shop", PurseClass.Merchant, InterfaceProfile.ContactT1);
        Step("cards", "Made three emulated cards and personalised each through APDUs, as a real card is: the card generates " +
            "its key pair, the issuer certifies the public key, then certificates, limits and a lock code are written and the " +
            "purse is activated.");
        CardTable(cards);

        Section("Loading the cards from the accounts");
        Load(bank, alice, "customer.alice", credentials["customer.alice"], 10_000,
            $"The terminal asked the bank to load alice's card from her account, with her credential; the bank's purse " +
            $"{bankPurse.Id} paid it through the same payment driver 'scc pay' uses, each APDU relayed to the bank, which " +
            "debited her account in the database transaction that debited its purse.");
        Load(bank, bob, "customer.bob", credentials["customer.bob"], 5_000, null);

        Section("Payments, card to card, offline");
        Pay("alice-pays-bob", alice, bob, 1_250, null,
            "Person to person, card to card. alice's card is contactless: up to its EUR 50.00 contactless limit no lock code is needed.");
        Pay("bob-pays-shop", bob, shop, 840, "Order 1001: 2 coffees, 1 croissant",
            "A purchase: the SHA-256 of the shop's order is bound into the payment details, which both purses sign and log.");
        CutAndFinished(alice, shop);

        Section("The shop deposits");
        Deposit(bank, shop);
        ClearJournal(bank);

        Section("A payment lost, and refunded once");
        LoseAPayment(alice, bob);
        RefundFromExceptionLogs(bank, alice, bob);

        Section("At the end: the books");
        return Audit(bank, cards);
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

    private void Pay(string step, DemoCard payer, DemoCard payee, uint cents, string? order, string? why)
    {
        byte[] digest = order is null ? [] : System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(order));
        PaymentOutcome outcome = Journal(_coordinator.Pay(payer.Purse, payee.Purse, new PaymentRequest(Eur(cents), digest), _policy!));
        Expect(outcome, PaymentOutcomeKind.Completed);
        PaymentSummary payment = outcome.Payment!;
        string text = $"{payer.Name} paid {payee.Name} {payment.Value} (sequence numbers {payment.FromSeq} and {payment.ToSeq})" +
            (order is null ? "." : $" for \"{order}\", order digest {payment.OrderDigest![..16]}….") +
            (why is null ? "" : $" {why}");
        Step(step, text, Outcome(outcome, payer.Address, payee.Address));
        Balances((payer.Name, Balance(payer)), (payee.Name, Balance(payee)));
    }

    /// <summary>A payment cut off right after the payer's debit, then finished by recovery with RESUME.</summary>
    private void CutAndFinished(DemoCard payer, DemoCard payee)
    {
        payee.Channel.PullBefore(PurseInstruction.Val);
        PaymentOutcome cut = _coordinator.Pay(payer.Purse, payee.Purse, new PaymentRequest(Eur(2_300)), _policy!);
        Expect(cut, PaymentOutcomeKind.Interrupted);
        Step("interrupted", $"{payer.Name} pays the {payee.Name} EUR 23.00. Right after {payer.Name}'s REQ ({payer.Name} is " +
            $"debited), the {payee.Name}'s card is pulled from its reader, before the VAL reaches it. The terminal cannot reach " +
            "it again: it leaves both cards as they are and says exactly what it knows:", Outcome(cut, payer.Address, payee.Address));
        Line($"  {cut.Summary}");

        payee.Channel.PutBack();
        PaymentOutcome finished = Journal(_coordinator.Recover(payer.Purse, payee.Purse));
        Expect(finished, PaymentOutcomeKind.Completed);
        Step("recovered", $"The {payee.Name}'s card is put back. Recovery asks both purses what they hold ({payer.Name}: epa, " +
            $"the {payee.Name}: still epv for the same payment, so the VAL never arrived), RESUMEs {payer.Name}'s val and " +
            $"delivers it, as 'scc recover --from emu:{payer.Name} --to emu:{payee.Name}' does:",
            Outcome(finished, payer.Address, payee.Address));
        Line($"  {finished.Summary}");
        Balances((payer.Name, Balance(payer)), (payee.Name, Balance(payee)));
    }

    /// <summary>
    /// A payment cut off the same way, but this time the terminal gives up: ABORT on the payee in epv logs 02, then on the
    /// payer in epa logs 01. The val can never be delivered now: the value is definitely lost (spec 4.4(6)).
    /// </summary>
    private void LoseAPayment(DemoCard payer, DemoCard payee)
    {
        payee.Channel.PullBefore(PurseInstruction.Val);
        PaymentOutcome cut = _coordinator.Pay(payer.Purse, payee.Purse, new PaymentRequest(Eur(500)), _policy!);
        Expect(cut, PaymentOutcomeKind.Interrupted);
        payee.Channel.PutBack();
        PaymentOutcome payeeGaveUp = _coordinator.Abandon(payee.Purse);
        PaymentOutcome payerGaveUp = _coordinator.Abandon(payer.Purse);
        if (payee.Purse.ReadExceptionLog().Count != 1 || payer.Purse.ReadExceptionLog().Count != 1)
        {
            throw new InvalidOperationException($"the demo expected one exception record on each card: {payeeGaveUp.Summary} {payerGaveUp.Summary}");
        }
        Step("lost", $"{payer.Name} pays {payee.Name} EUR 5.00, and {payee.Name}'s card is pulled before the VAL again. This " +
            $"time the terminal gives up on both cards: ABORT on {payee.Name}'s, still waiting for the value (epv), logs the " +
            $"payment as never received (reason 02); ABORT on {payer.Name}'s, debited and unacknowledged (epa), logs it as paid " +
            $"(reason 01). The EUR 5.00 left {payer.Name}'s card and can never reach {payee.Name}'s: it is definitely lost, " +
            "and each card holds signed proof of its side.", Outcome(cut, payer.Address, payee.Address));
        Balances((payer.Name, Balance(payer)), (payee.Name, Balance(payee)));
    }

    /// <summary>Keeps a payment's signed val in the demo's terminal journal, as <c>scc pay</c> does, for clearing.</summary>
    private PaymentOutcome Journal(PaymentOutcome outcome)
    {
        if (outcome.SignedPayment is { } signed)
        {
            PaymentJournal.InHome(home).Append(new JournalEntry(context.Time.GetUtcNow(), "demo", signed));
        }
        return outcome;
    }

    private static void Expect(PaymentOutcome outcome, PaymentOutcomeKind kind)
    {
        if (outcome.Kind != kind)
        {
            throw new InvalidOperationException($"the demo expected {kind} but the payment ended {outcome.Kind}: {outcome.Summary}");
        }
    }

    private static PaymentOutcomeJson Outcome(PaymentOutcome outcome, string payer, string payee)
    {
        var parties = new PaymentParties(payer, payee, null, null);
        return PaymentReport.ToJson(outcome, parties, PaymentReport.NextSteps(outcome, parties),
            PaymentExitCodes.ForPayment(outcome));
    }

    private static Money Eur(long cents) => Money.Of(Currency.Eur, checked((ulong)cents));

    private static ulong BalanceOf(DemoCard card)
    {
        card.Purse.Select();
        return card.Purse.GetBalances().Single().Balance;
    }

    private static string Balance(DemoCard card) => Eur((long)BalanceOf(card)).ToString();

    private string BankHomePath() => Bank.BankHome.DefaultDatabase(home);
}
