using SmartCardCash.Purse;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Settlement.Archive;
using SmartCardCash.Settlement.Clearing;

namespace SmartCardCash.BankService.Tests;

/// <summary>Loads over real HTTP: the terminal's coordinator drives the bank purse through <see cref="BankPurseChannel"/>.</summary>
[Collection(ServiceCollection.Name)]
public sealed class LoadTests(BankStorageFixture storage)
{
    [Theory, OnSqlite, OnPostgres]
    public async Task A_load_over_http_pays_the_card_debits_the_account_links_the_purse_and_the_books_balance(StorageProvider provider)
    {
        await using TestService service = await TestService.StartAsync(storage, provider);
        PaymentFloor floor = await PaymentFloor.SetUpAsync(service, minted: 1_000_00, cash: 300_00);
        TerminalCard card = floor.Card("alice-card");

        LoadJson authorised = await floor.AuthoriseAsync("load-1", card, 120_00);
        PaymentOutcome outcome = floor.Coordinator.Pay(floor.LoadPurse("load-1"), card.Purse, PaymentFloor.Request(120_00), floor.Policy);
        LoadJson completed = await floor.Terminal.GetLoadAsync("load-1");
        LoadJson ended = await floor.Terminal.EndLoadAsync("load-1");

        Assert.Equal(("load-1", "authorised", floor.BankPurse.Id, false), (authorised.Id, authorised.State, authorised.BankPurse, authorised.AlreadyAuthorised));
        Assert.True(outcome.Kind == PaymentOutcomeKind.Completed, outcome.Summary);
        Assert.Equal("completed", completed.State);
        Assert.Equal(completed, ended); // ending a finished load changes nothing
        Assert.Equal(120_00, card.Balance());
        Assert.Equal(new AccountBalance(0, 120_00, 0, 300_00), floor.Balance(PaymentFloor.Alice));
        Assert.Equal(new AccountId(PaymentFloor.Alice), new PurseAccounts(service.Bank.Database).Find(card.Id));
        BankPursesJson purses = await service.Operator.ListBankPursesAsync("EUR");
        Assert.Equal(new BankPurseJson(floor.BankPurse.Id, "EUR", 880_00, "idle", null), Assert.Single(purses.Purses));
        await floor.AssertBooksAgreeAsync();
        CurrencyTotalsJson eur = Assert.Single((await service.Operator.AuditAsync()).Currencies);
        Assert.Equal((1_000_00L, 880_00L, 120_00L), (eur.Minted, eur.BankPurses, eur.Outstanding));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_retried_load_with_the_same_request_id_never_debits_twice_nor_credits_the_card_twice(StorageProvider provider)
    {
        await using TestService service = await TestService.StartAsync(storage, provider);
        PaymentFloor floor = await PaymentFloor.SetUpAsync(service, minted: 1_000_00, cash: 300_00);
        TerminalCard card = floor.Card("alice-card");
        await floor.LoadAsync("load-1", card, 50_00);

        LoadJson again = await floor.AuthoriseAsync("load-1", card, 50_00);
        PaymentOutcome replay = floor.Coordinator.Pay(floor.LoadPurse("load-1"), card.Purse, PaymentFloor.Request(50_00), floor.Policy);
        BankApiException conflict = await Assert.ThrowsAsync<BankApiException>(() => floor.AuthoriseAsync("load-1", card, 60_00));

        Assert.Equal(("completed", true), (again.State, again.AlreadyAuthorised));
        Assert.NotEqual(PaymentOutcomeKind.Completed, replay.Kind); // a load that is over answers 6900 to everything
        Assert.Equal((409, "RequestConflict"), (conflict.Status, conflict.Problem.Reason));
        Assert.Equal(50_00, card.Balance());
        Assert.Equal(new AccountBalance(0, 50_00, 0, 300_00), floor.Balance(PaymentFloor.Alice));
        await floor.AssertBooksAgreeAsync();
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_load_the_card_was_removed_from_at_any_command_then_recovered_and_ended_leaves_ledger_purses_and_audit_agreeing(StorageProvider provider)
    {
        await using TestService service = await TestService.StartAsync(storage, provider);
        PaymentFloor floor = await PaymentFloor.SetUpAsync(service);
        var endings = new Dictionary<string, int>();
        int commands = 1;
        for (int at = 0; at < commands; at++)
        {
            foreach (bool answerLost in new[] { false, true })
            {
                string id = $"load-{at}-{(answerLost ? "answer-lost" : "never-arrived")}";
                TerminalCard card = floor.Card(id);
                await floor.AuthoriseAsync(id, card, 10_00);
                card.Arm(at, answerLost);
                PaymentOutcome paid = floor.Coordinator.Pay(floor.LoadPurse(id), card.Purse, PaymentFloor.Request(10_00), floor.Policy);
                commands = Math.Max(commands, card.Fired ? at + 2 : card.Count);
                card.Reinsert();
                LoadJson now = await floor.Terminal.GetLoadAsync(id);
                PaymentOutcome? recovered = now.State is "authorised" or "debited" ? floor.Coordinator.Recover(floor.LoadPurse(id), card.Purse) : null;
                if (card.Pending().State == TransferState.ExpectingVal)
                {
                    floor.Coordinator.Abandon(card.Purse); // its holder gives up: the card logs 02
                }
                LoadJson ended = await floor.Terminal.EndLoadAsync(id);
                string story = $"{id}: paid {paid.Kind}, recovered {recovered?.Kind.ToString() ?? "(not)"}, load {ended.State}";
                await Settled(floor, ended, card, story);
                endings[ended.State] = endings.GetValueOrDefault(ended.State) + 1;
            }
        }
        Assert.True(commands > 4, $"a load took {commands} commands");
        Assert.True(endings.ContainsKey("completed") && endings.ContainsKey("cancelled"), string.Join(", ", endings));
    }

    /// <summary>The account paid exactly what the card got, or what the archive holds (and refunds once the card's 02 is there).</summary>
    private static async Task Settled(PaymentFloor floor, LoadJson load, TerminalCard card, string story)
    {
        Transfer? debit = floor.Service.Bank.Ledger.FindTransfer(new TransferId($"load/{floor.TerminalKeyId}.{load.Id}/posted"));
        long onCard = card.Balance();
        switch (load.State)
        {
            case "completed":
                Assert.True(debit is not null && onCard == load.Amount, $"{story}: completed, so the account paid and the card has it");
                break;
            case "cancelled":
                Assert.True(debit is null && onCard == 0, $"{story}: cancelled, so nothing was paid");
                break;
            case "value-logged":
                Assert.True(debit is not null, $"{story}: the bank purse paid");
                Assert.Empty(ImageLog(floor.Pool().Image(PurseId.Parse(load.BankPurse))!)); // archived and cleared
                if (onCard == 0)
                {
                    // The card's 02 arrives: the load is refunded, once, to the account that paid for it.
                    var archive = new ExceptionArchive(new CertificateRegistry(floor.Service.Bank.Database, floor.Service.Issuer.Certificate), floor.Service.Issuer);
                    card.Purse.Select();
                    ArchiveResult result = archive.Upload(new ExceptionUpload(card.Purse.GetCertificate(), card.Purse.GetStatus().IssuerCounter,
                        card.Purse.ReadExceptionLog()));
                    Assert.Equal(ExceptionClassification.Refunded, Assert.Single(result.Records).Classification);
                }
                break;
            default:
                Assert.Fail($"{story}: the load is still open after it was ended");
                break;
        }
        await floor.AssertBooksAgreeAsync();
    }

    private static IReadOnlyList<ExceptionLogEntry> ImageLog(byte[] image)
    {
        var card = Emulator.Images.CardImage.Parse(image).CreateCard(new Emulator.AppletCatalog().Add("SmartCardCash.Purse", Purse.Applet.PurseApplet.Factory));
        PurseCard purse = PurseCard.Open(card.OpenChannel("bank purse copy"));
        purse.Select();
        return purse.ReadExceptionLog();
    }
}
