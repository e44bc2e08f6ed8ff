using SmartCardCash.Issuing;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Settlement.BankPurses;

namespace SmartCardCash.BankService.Tests.Infrastructure;

/// <summary>
/// A bank service set up for loads and deposits over real HTTP: a bank purse provisioned and minted by the operator,
/// a customer account with its holder's credential and cash, a terminal key, emulated cards of the same issuer, and
/// the payment coordinator a terminal runs.
/// </summary>
public sealed class PaymentFloor
{
    private readonly SequentialSerials _cardSerials = new(100_000);

    private PaymentFloor(TestService service, BankPurseJson bankPurse, string holderCredential, IssuedKeyJson terminal)
    {
        TerminalToken = terminal.Token;
        Service = service;
        BankPurse = bankPurse;
        HolderCredential = holderCredential;
        Terminal = service.Client(terminal.Token);
        TerminalKeyId = terminal.Key.Id;
        Policy = new PaymentPolicy(service.Issuer.Certificate);
    }

    public const string Alice = "customer.alice";

    public TestService Service { get; }

    public BankPurseJson BankPurse { get; }

    public string HolderCredential { get; }

    public BankClient Terminal { get; }

    public string TerminalKeyId { get; }

    public string TerminalToken { get; }

    public PaymentPolicy Policy { get; }

    public PaymentCoordinator Coordinator { get; } = new();

    /// <summary>A bank purse with <paramref name="minted"/>, alice's account with <paramref name="cash"/>, a terminal key.</summary>
    public static async Task<PaymentFloor> SetUpAsync(TestService service, long minted = 10_000_00, long cash = 5_000_00)
    {
        BankClient op = service.Operator;
        BankPurseJson purse = await op.ProvisionBankPurseAsync(new ProvisionBankPurseRequest("EUR"));
        purse = await op.MintAsync(purse.Id, new MintRequest("float-1", minted));
        OpenedAccountJson alice = await op.OpenAccountAsync(new OpenAccountRequest(Alice, "customer", "EUR"));
        await op.CashInAsync(new CashInRequest("till/1", Alice, cash, "EUR"));
        IssuedKeyJson terminal = await op.IssueKeyAsync(new IssueKeyRequest(ApiRoles.Terminal));
        return new PaymentFloor(service, purse, alice.HolderCredential!, terminal);
    }

    public TerminalCard Card(string name, PurseClass purseClass = PurseClass.Customer) => new(Service.Issuer, _cardSerials, name, purseClass);

    public Task<LoadJson> AuthoriseAsync(string requestId, TerminalCard card, long amount, BankClient? terminal = null) =>
        (terminal ?? Terminal).AuthoriseLoadAsync(new AuthoriseLoadRequest(requestId, Alice, card.Id.ToString(), "EUR", amount), HolderCredential);

    public PurseCard LoadPurse(string requestId, BankClient? terminal = null) =>
        PurseCard.Open(BankPurseChannel.ForLoad(terminal ?? Terminal, requestId), "bank");

    public static PaymentRequest Request(long amount) => new(Money.Of(Currency.Eur, (ulong)amount));

    /// <summary>A whole load over HTTP, which must complete, then ended.</summary>
    public async Task<LoadJson> LoadAsync(string requestId, TerminalCard card, long amount)
    {
        await AuthoriseAsync(requestId, card, amount);
        PaymentOutcome outcome = Coordinator.Pay(LoadPurse(requestId), card.Purse, Request(amount), Policy);
        Assert.True(outcome.Kind == PaymentOutcomeKind.Completed, outcome.Summary);
        return await Terminal.EndLoadAsync(requestId);
    }

    public AccountBalance Balance(string account) => Service.Bank.Balance(new AccountId(account));

    /// <summary>A pool on the service's database, to read the bank purses' stored images as an auditor would.</summary>
    public BankPursePool Pool() => new(Service.Bank.Database, Service.Issuer, new SequentialSerials(900_000), TestService.ImageKey);

    /// <summary>How many loads and deposits the bank has recorded.</summary>
    public (long Loads, long Deposits) Payments() => (Service.Bank.Rows("loads"), Service.Bank.Rows("deposits"));

    /// <summary>The audit balances, every bank purse is free, and its image holds what its account says.</summary>
    public async Task AssertBooksAgreeAsync()
    {
        AuditJson audit = await Service.Operator.AuditAsync();
        Assert.True(audit.Balanced, string.Join(Environment.NewLine, audit.Findings.Select(f => f.Sentence)));
        BankPursePool pool = Pool();
        foreach (Settlement.BankPurses.BankPurse purse in pool.List())
        {
            AccountBalance books = Service.Bank.Balance(Settlement.Postings.BankChart.BankPurse(Currency.Eur, purse.Id.ToString()));
            Assert.Equal(books.DebitsPosted - books.CreditsPosted, purse.Balance);
            Assert.True(purse.IsFree, $"bank purse {purse.Id} is held by {purse.HeldBy}");
        }
    }
}
