using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmartCardCash.Settlement.Deposits;
using SmartCardCash.Settlement.Loads;

namespace SmartCardCash.BankService;

/// <summary>
/// Frees the bank purses of terminals that went away: every <see cref="BankServiceOptions.HoldSweepInterval"/>, each
/// load and deposit that has held its purse for longer than <see cref="BankServiceOptions.HoldTimeout"/> is ended as
/// its terminal's own end would (nothing moved: cancelled; a purse still waiting: aborted, the payment logged for the
/// archive). A terminal that was only slow then finds its payment over and recovers from its card, as after a cut.
/// </summary>
internal sealed class HoldSweeper(BankBackend bank, BankServiceOptions options, ILogger<HoldSweeper> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.HoldSweepInterval, options.Time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            Sweep();
        }
    }

    /// <summary>One round; a database that is down now is tried again next round.</summary>
    internal void Sweep()
    {
        DateTimeOffset heldBefore = options.Time.GetUtcNow() - options.HoldTimeout;
        var failures = new List<(string Id, Exception Error)>();
        try
        {
            foreach (Load load in bank.Loads?.EndHeldSince(heldBefore, failures) ?? [])
            {
                log.LogWarning("load {LoadId} held its bank purse {BankPurse} longer than {Timeout}: ended ({State})", load.Id, load.BankPurse,
                    options.HoldTimeout, load.State);
            }
            foreach (Deposit deposit in bank.Deposits?.EndHeldSince(heldBefore, failures) ?? [])
            {
                log.LogWarning("deposit {DepositId} held its bank purse {BankPurse} longer than {Timeout}: ended ({State})", deposit.Id,
                    deposit.BankPurse, options.HoldTimeout, deposit.State);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            failures.Add(("(all)", e));
        }
        foreach ((string id, Exception e) in failures)
        {
            log.LogWarning("the abandoned hold {Id} could not be ended now, and is tried again in {Interval}: {Reason}", id,
                options.HoldSweepInterval, e.Message);
        }
    }
}
