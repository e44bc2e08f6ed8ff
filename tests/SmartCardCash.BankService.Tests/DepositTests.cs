using SmartCardCash.Purse;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Settlement.Archive;

namespace SmartCardCash.BankService.Tests;

/// <summary>Deposits over real HTTP: the merchant's terminal pays its card's value into a bank purse, less the fee.</summary>
[Collection(ServiceCollection.Name)]
public sealed class DepositTests(BankStorageFixture storage)
{
    private const string Shop = "merchant.shop";

    [Theory, OnSqlite, OnPostgres]
    public async Task A_deposit_over_http_credits_the_merchant_less_its_fee_and_the_books_balance(StorageProvider provider)
    {
        await using TestService service = await TestService.StartAsync(storage, provider);
        (PaymentFloor floor, BankClient merchant) = await SetUpAsync(service);
        TerminalCard till = floor.Card("till", PurseClass.Merchant);
        await floor.LoadAsync("load-till", till, 30_00);

        DepositJson opened = await merchant.OpenDepositAsync(new OpenDepositRequest("dep-1", till.Id.ToString()));
        PaymentOutcome outcome = floor.Coordinator.Pay(till.Purse, DepositPurse(merchant, "dep-1"), PaymentFloor.Request(30_00), floor.Policy);
        DepositJson ended = await merchant.EndDepositAsync("dep-1");
        DepositJson again = await merchant.OpenDepositAsync(new OpenDepositRequest("dep-1", till.Id.ToString()));

        Assert.Equal(("open", Shop, (long?)null), (opened.State, opened.MerchantAccount, opened.Amount));
        Assert.True(outcome.Kind == PaymentOutcomeKind.Completed, outcome.Summary);
        Assert.Equal(("credited", 30_00L, 55L, 29_45L), (ended.State, ended.Amount!.Value, ended.Fee!.Value, ended.Credited!.Value)); // 150 bp + 10
        Assert.True(again.AlreadyOpen);
        Assert.Equal(0, till.Balance());
        Assert.Equal(new AccountBalance(0, 0, 0, 29_45), floor.Balance(Shop));
        Assert.Equal(new AccountId(PaymentFloor.Alice), new PurseAccounts(service.Bank.Database).Find(till.Id)); // loaded by alice; a deposit links nothing
        await floor.AssertBooksAgreeAsync();
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_deposit_the_card_was_removed_from_at_any_command_then_recovered_and_ended_leaves_the_books_agreeing(StorageProvider provider)
    {
        await using TestService service = await TestService.StartAsync(storage, provider);
        (PaymentFloor floor, BankClient merchant) = await SetUpAsync(service);
        var endings = new Dictionary<string, int>();
        int commands = 1;
        for (int at = 0; at < commands; at++)
        {
            foreach (bool answerLost in new[] { false, true })
            {
                string id = $"dep-{at}-{(answerLost ? "answer-lost" : "never-arrived")}";
                TerminalCard till = floor.Card(id, PurseClass.Merchant);
                await floor.LoadAsync($"load-{id}", till, 10_00);
                await merchant.OpenDepositAsync(new OpenDepositRequest(id, till.Id.ToString()));
                till.Arm(at, answerLost);
                PaymentOutcome paid = floor.Coordinator.Pay(till.Purse, DepositPurse(merchant, id), PaymentFloor.Request(10_00), floor.Policy);
                commands = Math.Max(commands, till.Fired ? at + 2 : till.Count);
                till.Reinsert();
                DepositJson now = await merchant.GetDepositAsync(id);
                PaymentOutcome? recovered = now.State == "open" ? floor.Coordinator.Recover(till.Purse, DepositPurse(merchant, id)) : null;
                if (till.Pending().State == TransferState.ExpectingAck)
                {
                    floor.Coordinator.Abandon(till.Purse); // the merchant gives up: its card logs 01
                }
                DepositJson ended = await merchant.EndDepositAsync(id);
                string story = $"{id}: paid {paid.Kind}, recovered {recovered?.Kind.ToString() ?? "(not)"}, deposit {ended.State}";
                long onCard = till.Balance();
                Assert.True(ended.State switch
                {
                    "credited" => onCard == 0 && ended.Credited == 10_00 - ended.Fee,
                    "cancelled" => onCard == 10_00 && ended.Amount is null,
                    "value-logged" => ended.Amount is null,
                    _ => false,
                }, story);
                await floor.AssertBooksAgreeAsync();
                endings[ended.State] = endings.GetValueOrDefault(ended.State) + 1;
            }
        }
        Assert.True(commands > 4, $"a deposit took {commands} commands");
        Assert.True(endings.ContainsKey("credited") && endings.ContainsKey("cancelled"), string.Join(", ", endings));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_deposit_whose_card_gave_up_after_START_TO_is_reset_by_the_bank_and_paid_anew_under_its_request_id_once(StorageProvider provider)
    {
        await using TestService service = await TestService.StartAsync(storage, provider);
        (PaymentFloor floor, BankClient merchant) = await SetUpAsync(service);
        BankClient other = service.Client((await service.Operator.IssueKeyAsync(new IssueKeyRequest(ApiRoles.MerchantTerminal, Shop))).Token);
        TerminalCard till = floor.Card("till", PurseClass.Merchant);
        await floor.LoadAsync("load-till", till, 10_00);
        await merchant.OpenDepositAsync(new OpenDepositRequest("dep-cut", till.Id.ToString()));
        till.Arm(4, false); // the card's REQ never arrives: the card in epr, the bank purse in epv after START TO
        floor.Coordinator.Pay(till.Purse, DepositPurse(merchant, "dep-cut"), PaymentFloor.Request(10_00), floor.Policy);
        till.Reinsert();
        TransferState cut = till.Pending().State;
        floor.Coordinator.Abandon(till.Purse);

        PaymentOutcome blocked = floor.Coordinator.Pay(till.Purse, DepositPurse(merchant, "dep-cut"), PaymentFloor.Request(10_00), floor.Policy);
        BankApiException foreign = await Assert.ThrowsAsync<BankApiException>(() => other.ResetDepositAsync("dep-cut"));
        DepositJson reset = await merchant.ResetDepositAsync("dep-cut");
        PaymentOutcome paid = floor.Coordinator.Pay(till.Purse, DepositPurse(merchant, "dep-cut"), PaymentFloor.Request(10_00), floor.Policy);
        DepositJson resetAgain = await merchant.ResetDepositAsync("dep-cut");
        DepositJson ended = await merchant.EndDepositAsync("dep-cut");

        Assert.Equal((TransferState.ExpectingReq, PaymentOutcomeKind.NotStarted), (cut, blocked.Kind));
        Assert.Equal(404, foreign.Status); // another key's deposit does not exist for it
        Assert.Equal("open", reset.State);
        Assert.True(paid.Kind == PaymentOutcomeKind.Completed, paid.Summary);
        Assert.Equal(("credited", "credited", 10_00L), (resetAgain.State, ended.State, ended.Amount!.Value));
        Assert.Equal(new AccountBalance(0, 0, 0, 10_00 - 25), floor.Balance(Shop)); // once: 150 bp + 10
        Assert.Equal(1, new ExceptionArchive(new(service.Bank.Database, service.Issuer.Certificate), service.Issuer).RecordCount(PurseId.Parse(reset.BankPurse)));
        await floor.AssertBooksAgreeAsync();
    }

    internal static async Task<(PaymentFloor Floor, BankClient Merchant)> SetUpAsync(TestService service)
    {
        PaymentFloor floor = await PaymentFloor.SetUpAsync(service);
        await service.Operator.OpenAccountAsync(new OpenAccountRequest(Shop, "merchant", "EUR", new FeeRateJson(150, 10)));
        IssuedKeyJson key = await service.Operator.IssueKeyAsync(new IssueKeyRequest(ApiRoles.MerchantTerminal, Shop));
        return (floor, service.Client(key.Token));
    }

    internal static PurseCard DepositPurse(BankClient merchant, string id) => PurseCard.Open(BankPurseChannel.ForDeposit(merchant, id), "bank");
}
