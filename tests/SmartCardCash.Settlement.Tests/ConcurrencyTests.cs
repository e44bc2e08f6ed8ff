using System.Collections.Concurrent;
using SmartCardCash.Settlement.Audit;
using SmartCardCash.Settlement.Postings;

namespace SmartCardCash.Settlement.Tests;

/// <summary>Several threads writing at once, each through its own connection, as the bank service's requests will:
/// no invariant breaks, no transfer is recorded twice, no pending transfer resolves twice.</summary>
[Collection(BankStorageCollection.Name)]
public sealed class ConcurrencyTests(BankStorageFixture storage)
{
    private const int Threads = 6;
    private const string BankPurseId = TestBank.BankPurseId;
    private static readonly Currency Eur = TestBank.Eur;

    [Theory, OnSqlite, OnPostgres]
    public void Concurrent_transfers_and_loads_from_several_threads_keep_every_invariant(StorageProvider provider)
    {
        using TestBank bank = storage.Create(provider);
        AccountId[] customers = [.. Enumerable.Range(0, 5).Select(i => bank.Customer($"c{i}", cash: 1_000))];
        bank.BankPurse(BankPurseId, minted: 1_000_000);
        var recorded = new ConcurrentBag<Transfer>();
        var refusals = new ConcurrentBag<LedgerRefusal>();

        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, thread =>
        {
            var random = new Random(thread);
            for (int i = 0; i < 40; i++)
            {
                AccountId from = customers[random.Next(customers.Length)], to = customers[random.Next(customers.Length)];
                long amount = random.Next(1, 400);
                string key = $"t{thread}.{i}";
                try
                {
                    IEnumerable<SubmitResult> results = i % 4 == 0 || from == to
                        ? bank.Load(key, from, amount)
                        : [bank.Ledger.Submit(TransferRequest.Single(new(key), from, to, amount, Eur, TransferCode.Refund))];
                    foreach (SubmitResult result in results)
                    {
                        Assert.False(result.AlreadyRecorded);
                        result.Transfers.ToList().ForEach(recorded.Add);
                    }
                }
                catch (LedgerRefusedException e)
                {
                    refusals.Add(e.Reason);
                }
            }
        });

        AuditReport report = bank.Ledger.Audit();
        Assert.Empty(report.Findings);
        Assert.All(refusals, r => Assert.Equal(LedgerRefusal.ExceedsCredits, r));
        Assert.NotEmpty(refusals);
        long loaded = recorded.Where(t => t.Code == TransferCode.LoadValue).Sum(t => t.Amount);
        Assert.Equal(5 * 1_000 - loaded, report.Currencies[0].Customers);
        Assert.Equal(loaded, report.Currencies[0].Outstanding);
        Assert.Equal(1_000_000 - loaded, report.Currencies[0].BankPurses);
        Assert.All(customers, c => Assert.True(bank.Balance(c).CreditBalance >= 0));
        Assert.Equal(recorded.Count + 5 + 1, report.Transfers);
    }

    [Theory, OnSqlite, OnPostgres]
    public void Concurrent_retries_of_one_chain_record_it_once(StorageProvider provider)
    {
        using TestBank bank = storage.Create(provider);
        AccountId alice = bank.Customer("alice", cash: 1_000), bob = bank.Customer("bob");
        TransferRequest[] chain =
        [
            TransferRequest.Single(new("same/1"), alice, bob, 300, Eur, TransferCode.Refund),
            TransferRequest.Single(new("same/2"), bob, alice, 100, Eur, TransferCode.Refund),
        ];

        SubmitResult[] results = new SubmitResult[Threads * 5];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = Threads }, i => results[i] = bank.Ledger.Submit(chain));

        Assert.Single(results, r => !r.AlreadyRecorded);
        Assert.All(results, r => Assert.Equal(results[0].Transfers, r.Transfers));
        Assert.Equal(new AccountBalance(0, 300, 0, 1_100), bank.Balance(alice));
        Assert.True(bank.Ledger.Audit().Balanced);
    }

    [Theory, OnSqlite, OnPostgres]
    public void Concurrent_posts_and_voids_of_one_pending_transfer_resolve_it_once(StorageProvider provider)
    {
        using TestBank bank = storage.Create(provider);
        AccountId alice = bank.Customer("alice", cash: 1_000);
        bank.BankPurse(BankPurseId, minted: 10_000);
        bank.Ledger.Submit(BankPostings.AuthoriseLoad(new("load.1"), Eur, alice, 600));

        var outcomes = new ConcurrentBag<string>();
        Parallel.For(0, Threads * 3, new ParallelOptions { MaxDegreeOfParallelism = Threads }, i =>
        {
            try
            {
                bank.Ledger.Submit(i % 2 == 0
                    ?
                    [
                        TransferRequest.Post(new($"load.1/post.{i}"), new("load.1"), 600),
                        TransferRequest.Single(new($"load.1/value.{i}"), BankChart.Outstanding(Eur), BankChart.BankPurse(Eur, BankPurseId),
                            600, Eur, TransferCode.LoadValue),
                    ]
                    : [TransferRequest.Void(new($"load.1/void.{i}"), new("load.1"))]);
                outcomes.Add("resolved");
            }
            catch (LedgerRefusedException e) when (e.Reason == LedgerRefusal.PendingAlreadyResolved)
            {
                outcomes.Add("refused");
            }
        });

        Assert.Single(outcomes, o => o == "resolved");
        Transfer resolution = Assert.IsType<Transfer>(bank.Ledger.FindResolution(new("load.1")));
        Assert.Equal(resolution.Phase == TransferPhase.Post ? 400 : 1_000, bank.Balance(alice).CreditBalance);
        Assert.Equal(0, bank.Balance(alice).DebitsPending);
        Assert.True(bank.Ledger.Audit().Balanced);
    }
}
