using System.Net.Http.Json;
using SmartCardCash.BankApi.Contracts;

namespace SmartCardCash.BankApi;

/// <summary>The bank purses (operator), loads (terminal) and deposits (merchant terminal).</summary>
public sealed partial class BankClient
{
    public Task<BankPurseJson> ProvisionBankPurseAsync(ProvisionBankPurseRequest request, CancellationToken cancel = default) =>
        SendAsync(HttpMethod.Post, BankRoutes.BankPurses, JsonContent.Create(request, Json.ProvisionBankPurseRequest), Json.BankPurseJson, cancel);

    public Task<BankPursesJson> ListBankPursesAsync(string? currency = null, CancellationToken cancel = default) =>
        SendAsync(HttpMethod.Get, currency is null ? BankRoutes.BankPurses : $"{BankRoutes.BankPurses}?currency={Uri.EscapeDataString(currency)}",
            null, Json.BankPursesJson, cancel);

    public Task<BankPurseJson> MintAsync(string bankPurse, MintRequest request, CancellationToken cancel = default) =>
        SendAsync(HttpMethod.Post, BankRoutes.BankPurseMint(bankPurse), JsonContent.Create(request, Json.MintRequest), Json.BankPurseJson, cancel);

    /// <summary>Authorises a load; <paramref name="holderCredential"/> is the account holder's (<c>scch_…</c>).</summary>
    public Task<LoadJson> AuthoriseLoadAsync(AuthoriseLoadRequest request, string? holderCredential, CancellationToken cancel = default)
    {
        JsonContent content = JsonContent.Create(request, Json.AuthoriseLoadRequest);
        if (holderCredential is not null)
        {
            // A custom header travels with the request's others; carried on the content so SendAsync stays one shape.
            content.Headers.TryAddWithoutValidation(BankRoutes.HolderCredentialHeader, holderCredential);
        }
        return SendAsync(HttpMethod.Post, BankRoutes.Loads, content, Json.LoadJson, cancel);
    }

    public Task<LoadJson> GetLoadAsync(string id, CancellationToken cancel = default) =>
        SendAsync(HttpMethod.Get, BankRoutes.Load(id), null, Json.LoadJson, cancel);

    public Task<LoadJson> EndLoadAsync(string id, CancellationToken cancel = default) =>
        SendAsync(HttpMethod.Post, BankRoutes.LoadEnd(id), null, Json.LoadJson, cancel);

    /// <summary>One command APDU to the load's bank purse; its response once the bank committed it.</summary>
    public async Task<byte[]> TransmitLoadAsync(string id, byte[] command, CancellationToken cancel = default) =>
        Convert.FromHexString((await SendAsync(HttpMethod.Post, BankRoutes.LoadApdu(id),
            JsonContent.Create(new ApduRequest(Convert.ToHexString(command)), Json.ApduRequest), Json.ApduJson, cancel).ConfigureAwait(false)).Response);

    public Task<DepositJson> OpenDepositAsync(OpenDepositRequest request, CancellationToken cancel = default) =>
        SendAsync(HttpMethod.Post, BankRoutes.Deposits, JsonContent.Create(request, Json.OpenDepositRequest), Json.DepositJson, cancel);

    public Task<DepositJson> GetDepositAsync(string id, CancellationToken cancel = default) =>
        SendAsync(HttpMethod.Get, BankRoutes.Deposit(id), null, Json.DepositJson, cancel);

    public Task<DepositJson> EndDepositAsync(string id, CancellationToken cancel = default) =>
        SendAsync(HttpMethod.Post, BankRoutes.DepositEnd(id), null, Json.DepositJson, cancel);

    /// <summary>Readies the open deposit's bank purse for a new payment from the merchant's card, in the same deposit:
    /// the bank aborts a payment its purse still waits for (its 02 archived). A deposit that is over is returned as it is.</summary>
    public Task<DepositJson> ResetDepositAsync(string id, CancellationToken cancel = default) =>
        SendAsync(HttpMethod.Post, BankRoutes.DepositReset(id), null, Json.DepositJson, cancel);

    public async Task<byte[]> TransmitDepositAsync(string id, byte[] command, CancellationToken cancel = default) =>
        Convert.FromHexString((await SendAsync(HttpMethod.Post, BankRoutes.DepositApdu(id),
            JsonContent.Create(new ApduRequest(Convert.ToHexString(command)), Json.ApduRequest), Json.ApduJson, cancel).ConfigureAwait(false)).Response);
}
