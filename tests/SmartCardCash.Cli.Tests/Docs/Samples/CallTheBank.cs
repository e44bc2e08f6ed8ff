using System.Net;
using SmartCardCash.BankApi;
using SmartCardCash.BankApi.Contracts;
using SmartCardCash.BankService;

namespace SmartCardCash.Cli.Tests.Docs.Samples;

/// <summary>docs/bank.md's sample: the bank service in process and its client, run by <see cref="CallTheBankTests"/>.</summary>
internal static class CallTheBank
{
    public static async Task<AuditJson> RunAsync(string databaseFile)
    {
        // <call-the-bank>
        await using BankServiceHost bank = await BankServiceHost.StartAsync(new BankServiceOptions
        {
            Database = databaseFile,                             // or postgres://USER:PASSWORD@HOST:5432/bank
            Endpoint = new IPEndPoint(IPAddress.Loopback, 0),   // default 127.0.0.1:7878
        });
        string operatorKey = bank.BootstrapOperatorKey!.Token;  // on the database's first start only
        using var http = new HttpClient { BaseAddress = bank.Address };
        var client = new BankClient(http, operatorKey);

        OpenedAccountJson alice = await client.OpenAccountAsync(new OpenAccountRequest("customer.alice", "customer", "EUR"));
        await client.CashInAsync(new CashInRequest(RequestId: "till-1/0001", Account: "customer.alice", Amount: 50_00, Currency: "EUR"));
        AuditJson audit = await client.AuditAsync();            // audit.Balanced: the books balance
        // </call-the-bank>
        Assert.NotNull(alice.HolderCredential);
        return audit;
    }
}
