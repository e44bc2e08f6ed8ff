namespace SmartCardCash.BankService.Tests;

/// <summary>POST /v1/accounts/{id}/holder-credential: the operator replaces a lost holder's credential; the new one
/// authorises loads and the old one is refused from then on.</summary>
[Collection(ServiceCollection.Name)]
public sealed class HolderCredentialReissueTests(BankStorageFixture storage)
{
    [Theory, OnSqlite, OnPostgres]
    public async Task A_reissued_credential_authorises_loads_and_the_old_one_is_refused(StorageProvider provider)
    {
        await using TestService service = await TestService.StartAsync(storage, provider);
        PaymentFloor floor = await PaymentFloor.SetUpAsync(service);
        TerminalCard card = floor.Card("alice-card");
        AuthoriseLoadRequest load = new("after-reissue", PaymentFloor.Alice, card.Id.ToString(), "EUR", 10_00);

        ReissuedCredentialJson reissued = await service.Operator.ReissueHolderCredentialAsync(PaymentFloor.Alice);
        BankApiException old = await Assert.ThrowsAsync<BankApiException>(() => floor.Terminal.AuthoriseLoadAsync(load, floor.HolderCredential));
        LoadJson authorised = await floor.Terminal.AuthoriseLoadAsync(load, reissued.HolderCredential);
        BankApiException unknown = await Assert.ThrowsAsync<BankApiException>(() => service.Operator.ReissueHolderCredentialAsync("customer.nobody"));
        BankApiException system = await Assert.ThrowsAsync<BankApiException>(() => service.Operator.ReissueHolderCredentialAsync("EUR.float"));

        Assert.Equal(PaymentFloor.Alice, reissued.Account.Id);
        Assert.Matches("^scch_[0-9a-f]{64}$", reissued.HolderCredential);
        Assert.NotEqual(floor.HolderCredential, reissued.HolderCredential);
        Assert.DoesNotContain(reissued.HolderCredential, reissued.ToString(), StringComparison.Ordinal);
        Assert.Equal((403, "BadHolderCredential"), (old.Status, old.Problem.Reason));
        Assert.Equal("authorised", authorised.State);
        Assert.Equal((404, "UnknownAccount"), (unknown.Status, unknown.Problem.Reason));
        Assert.Equal((404, "UnknownAccount"), (system.Status, system.Problem.Reason));
    }
}
