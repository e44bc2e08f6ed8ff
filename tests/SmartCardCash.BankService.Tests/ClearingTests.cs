using System.Net;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Purse.Tests.Support;

namespace SmartCardCash.BankService.Tests;

/// <summary>Journals cleared over HTTP with real purses: a clone made from a copied card image that pays two merchants
/// is found and hotlisted, the signed list then names it and verifies, and only the operator may ask who loaded it;
/// repeats change nothing; a damaged line is refused alone; the journal route takes more than 64 KiB, up to its own
/// limit.</summary>
[Collection(ServiceCollection.Name)]
public sealed class ClearingTests(BankStorageFixture storage)
{
    [Theory, OnSqlite, OnPostgres]
    public async Task A_clone_paying_two_merchants_is_detected_hotlisted_and_its_holder_revealed_to_the_operator_only(StorageProvider provider)
    {
        await using PurseWorld world = await PurseWorld.StartAsync(storage, provider);
        TestPurse alice = world.Customer("alice", 10_000);
        TestPurse copy = PurseWorld.Clone(alice, "alice-copy");
        TestPurse shop = world.Merchant("shop"), rival = world.Merchant("rival");
        string original = world.PayAndJournal(alice, shop, 500), cloned = world.PayAndJournal(copy, rival, 700);
        await world.Service.Operator.OpenAccountAsync(new("merchant.rival", "merchant", "EUR", new FeeRateJson(0, 0)));
        BankClient terminal = await ExceptionUploadTests.TerminalAsync(world);
        BankClient rivalTerminal = world.Service.Client((await world.Service.Operator.IssueKeyAsync(new(ApiRoles.MerchantTerminal, "merchant.rival"))).Token);
        HotlistJson before = await terminal.HotlistAsync();

        ClearingJson shops = await terminal.ClearAsync("shop/journal-1", [original]);
        ClearingJson rivals = await rivalTerminal.ClearAsync("rival/journal-1", [cloned, original]);
        HotlistJson after = await terminal.HotlistAsync();

        Assert.Equal((1, "cleared", alice.Id.ToString(), 500L), (shops.Cleared, shops.Records[0].Status, shops.Records[0].Payer, shops.Records[0].Amount));
        Assert.Equal(["clone-detected", "already-cleared"], rivals.Records.Select(r => r.Status));
        Assert.Equal((1, 1, "rival/journal-1"), (rivals.ClonesDetected, rivals.AlreadyCleared, rivals.RequestId));
        Assert.Contains("cloned", rivals.Records[0].Message, StringComparison.Ordinal);
        Assert.Empty(before.Purses);
        Assert.Equal([alice.Id.ToString()], after.Purses);
        Assert.True(after.Version > before.Version);
        SignedHotlist verified = SignedHotlist.Verify(after.Signed, world.Issuer.Certificate);
        Assert.Equal([alice.Id], verified.Purses);
        Assert.Equal(before.Signed, (await terminal.HotlistVersionAsync(before.Version)).Signed);

        HotlistEntryJson entry = Assert.Single((await world.Service.Operator.HotlistEntriesAsync()).Entries);
        Assert.Equal("cloned", entry.Reason);
        Assert.Contains("signed two different payments", entry.Evidence, StringComparison.Ordinal);
        PurseHolderJson holder = await world.Service.Operator.PurseHolderAsync(alice.Id.ToString());
        Assert.Equal(("customer.alice", "cloned"), (holder.Account, holder.HotlistReason));
        BankApiException refused = await Assert.ThrowsAsync<BankApiException>(() => terminal.PurseHolderAsync(alice.Id.ToString()));
        Assert.Equal((403, "WrongRole"), (refused.Status, refused.Problem.Reason));
        Assert.Contains(world.Service.Logs.Lines, m => m.Contains($"holder of hotlisted purse {alice.Id} revealed to key", StringComparison.Ordinal));
        Assert.True((await world.Service.Operator.AuditAsync()).Balanced);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Anonymity_is_revoked_only_for_a_hotlisted_purse_which_an_operator_may_report(StorageProvider provider)
    {
        await using PurseWorld world = await PurseWorld.StartAsync(storage, provider);
        TestPurse alice = world.Customer("alice", 1_000);
        BankClient op = world.Service.Operator;

        BankApiException notListed = await Assert.ThrowsAsync<BankApiException>(() => op.PurseHolderAsync(alice.Id.ToString()));
        HotlistReportJson reported = await op.ReportHotlistAsync(new(alice.Id.ToString(), "card reported stolen at the desk"));
        HotlistReportJson again = await op.ReportHotlistAsync(new(alice.Id.ToString(), "reported twice"));
        PurseHolderJson holder = await op.PurseHolderAsync(alice.Id.ToString());

        Assert.Equal((409, "NotHotlisted", "purseId"), (notListed.Status, notListed.Problem.Reason, notListed.Problem.Field));
        Assert.Equal((false, "reported", "card reported stolen at the desk"), (reported.AlreadyListed, reported.Entry.Reason, reported.Entry.Evidence));
        Assert.True(again.AlreadyListed);
        Assert.Equal(reported.Entry.Version, again.Entry.Version);
        Assert.Equal(("customer.alice", "reported"), (holder.Account, holder.HotlistReason));
        BankClient terminal = await ExceptionUploadTests.TerminalAsync(world);
        Assert.Contains(alice.Id.ToString(), (await terminal.HotlistAsync()).Purses);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_damaged_line_is_refused_alone_and_the_journal_route_takes_more_than_64_KiB(StorageProvider provider)
    {
        await using PurseWorld world = await PurseWorld.StartAsync(storage, provider);
        TestPurse alice = world.Customer("alice", 10_000), shop = world.Merchant("shop");
        string line = world.PayAndJournal(alice, shop, 100);
        string damaged = line.Replace("\"pay\"", "\"PAY\"", StringComparison.Ordinal);
        BankClient terminal = await ExceptionUploadTests.TerminalAsync(world);
        List<string> journal = [damaged, .. Enumerable.Repeat(line, 150)];
        Assert.True(journal.Sum(l => l.Length) > BankServiceOptions.DefaultMaxRequestBodyBytes);

        ClearingJson result = await terminal.ClearAsync("big", journal);

        Assert.Equal(("refused", "malformed"), (result.Records[0].Status, result.Records[0].Refusal));
        Assert.Equal((1, 149, 1), (result.Cleared, result.AlreadyCleared, result.Refused));
        Assert.Equal(Enumerable.Range(0, 151), result.Records.Select(r => r.Index));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_journal_over_the_routes_limit_is_413_and_nothing_is_cleared(StorageProvider provider)
    {
        await using PurseWorld world = await PurseWorld.StartAsync(storage, provider, maxJournalBodyBytes: 8 * 1024);
        TestPurse alice = world.Customer("alice", 10_000), shop = world.Merchant("shop");
        string line = world.PayAndJournal(alice, shop, 100);
        string token = (await world.Service.Operator.IssueKeyAsync(new(ApiRoles.Terminal))).Token;
        string body = $$"""{"requestId":"j-1","lines":[{{string.Join(',', Enumerable.Repeat(System.Text.Json.JsonSerializer.Serialize(line), 20))}}]}""";

        using HttpResponseMessage response = await world.Service.SendAsync(HttpMethod.Post, "/v1/clearing", body, $"Bearer {token}");

        Problem problem = await Problem.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("8192 bytes", problem.Detail, StringComparison.Ordinal);
        BankClient terminal = await ExceptionUploadTests.TerminalAsync(world);
        Assert.Equal(1, (await terminal.ClearAsync("j-2", [line])).Cleared);   // the refused upload cleared nothing
    }
}
