using SmartCardCash.Settlement.Deposits;

namespace SmartCardCash.BankService.Tests;

/// <summary>A terminal that vanishes, or whose key is revoked, never keeps a bank purse from everyone else.</summary>
[Collection(ServiceCollection.Name)]
public sealed class HoldTests(BankStorageFixture storage)
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Revoking_a_key_ends_its_open_payments_and_frees_their_purses(StorageProvider provider)
    {
        await using TestService service = await TestService.StartAsync(storage, provider);
        (PaymentFloor floor, BankClient merchant) = await DepositTests.SetUpAsync(service);
        TerminalCard till = floor.Card("till", PurseClass.Merchant);
        await floor.LoadAsync("load-till", till, 10_00);
        DepositJson held = await merchant.OpenDepositAsync(new OpenDepositRequest("hog", till.Id.ToString()));
        string merchantKey = (await service.Operator.ListKeysAsync()).Keys.Single(k => k.Role == ApiRoles.MerchantTerminal).Id;

        await service.Operator.RevokeKeyAsync(merchantKey);

        BankPurseJson purse = (await service.Operator.ListBankPursesAsync()).Purses.Single(p => p.Id == held.BankPurse);
        Assert.Null(purse.HeldBy);
        Assert.Equal(DepositState.Cancelled, new BankDeposits(floor.Pool()).Find($"{merchantKey}.hog")!.State);
        Assert.Equal("completed", (await floor.LoadAsync("load-after", floor.Card("other"), 5_00)).State); // the purse serves again
        await floor.AssertBooksAgreeAsync();
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_load_or_deposit_abandoned_for_longer_than_the_hold_timeout_is_ended_by_the_bank(StorageProvider provider)
    {
        await using TestService service = await TestService.StartAsync(storage.Create(provider),
            configure: o => o with { HoldTimeout = TimeSpan.FromMilliseconds(300), HoldSweepInterval = TimeSpan.FromMilliseconds(100) });
        (PaymentFloor floor, BankClient merchant) = await DepositTests.SetUpAsync(service);
        TerminalCard card = floor.Card("alice-card");
        LoadJson load = await floor.AuthoriseAsync("abandoned", card, 20_00);
        Assert.Equal(new AccountBalance(20_00, 0, 0, 5_000_00), floor.Balance(PaymentFloor.Alice)); // reserved, as long as the load holds

        DateTime deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await floor.Terminal.GetLoadAsync("abandoned")).State == "authorised" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal("cancelled", (await floor.Terminal.GetLoadAsync("abandoned")).State);
        Assert.Null((await service.Operator.ListBankPursesAsync()).Purses.Single(p => p.Id == load.BankPurse).HeldBy);
        Assert.Equal(new AccountBalance(0, 0, 0, 5_000_00), floor.Balance(PaymentFloor.Alice)); // the reservation released
        Assert.Contains(service.Logs.Lines, l => l.Contains("held its bank purse", StringComparison.Ordinal) && l.Contains("abandoned", StringComparison.Ordinal));
        await floor.AssertBooksAgreeAsync();
    }
}
