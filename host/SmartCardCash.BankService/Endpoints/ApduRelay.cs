using Microsoft.AspNetCore.Http;
using SmartCardCash.BankApi;
using SmartCardCash.BankApi.Contracts;
using SmartCardCash.BankService.Requests;

namespace SmartCardCash.BankService.Endpoints;

/// <summary>POST …/{id}/apdu of loads and deposits: one command APDU in hex for the payment's bank purse, its response
/// in hex once the bank committed it (a transaction that did not commit is a 503: no answer).</summary>
internal static class ApduRelay
{
    public static async Task<IResult> RelayAsync(HttpContext context, BankServiceOptions options, Func<byte[], byte[]> transmit)
    {
        ApduRequest request = await JsonBody.ReadAsync(context, BankApiJsonContext.Default.ApduRequest, options.MaxRequestBodyBytes);
        byte[] response = transmit(PaymentFields.Apdu(request.Command));
        return Results.Json(new ApduJson(Convert.ToHexString(response)), BankApiJsonContext.Default.ApduJson);
    }
}
