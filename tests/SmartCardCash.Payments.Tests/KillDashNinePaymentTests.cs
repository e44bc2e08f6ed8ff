using System.Diagnostics;
using System.Globalization;
using SmartCardCash.CardAccess;
using SmartCardCash.Payments.Tests.Support;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Purse.Spec;
using Xunit.Abstractions;

namespace SmartCardCash.Payments.Tests;

/// <summary>
/// `scc pay` between two card images, killed with SIGKILL while its N-th APDU is on its way to a card (N drawn at
/// random over the whole payment), again and again. After every kill both images must load (checksums, locks), every
/// cent must be accounted for (balances, exception logs, value in flight), and recovery must leave both purses idle.
/// </summary>
/// <remarks>
/// The emulator in the killed process may be anywhere in that APDU: before it, mid-way through its NVM transaction,
/// writing the image, or done. The loop runs for SCC_TEARING_BUDGET seconds (default 3), at least 4 kills; raise the
/// budget for a soak. Nothing is asserted about time.
/// </remarks>
public sealed class KillDashNinePaymentTests : IDisposable
{
    private const uint AliceStart = 10_000;
    private const uint BobStart = 1_000;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly string _home = Path.Combine(Path.GetTempPath(), "scc-kill-pay-" + Guid.NewGuid().ToString("N"));
    private readonly ITestOutputHelper _output;

    public KillDashNinePaymentTests(ITestOutputHelper output)
    {
        _output = output;
        ImageHome.Create(_home, AliceStart, BobStart);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_home, recursive: true);
        }
        catch (IOException)
        {
            // The folder is in /tmp either way.
        }
    }

    [Fact]
    public void Scc_pay_killed_at_any_APDU_leaves_loadable_images_and_every_cent_accounted_for()
    {
        TimeSpan budget = Budget();
        var clock = Stopwatch.StartNew();
        var pick = new Random(20261125);
        int kills = 0, leftMidTransfer = 0, finishedByRecovery = 0, completedBeforeKill = 0;
        while (kills < 4 || clock.Elapsed < budget)
        {
            // scc pay sends 13 commands: SELECT and read the certificates of both (1-4), VERIFY CERTIFICATE (5, 6),
            // START FROM/TO, REQ, VAL, ACK (7-11), read both balances (12, 13). At 14 it has ended before the kill.
            int killAtCommand = pick.Next(5, 15);
            bool exitedFirst = PayAndKill(killAtCommand);
            kills++;
            completedBeforeKill += exitedFirst ? 1 : 0;

            PurseSnapshot alice = Read("alice"), bob = Read("bob");
            Assert.True(AliceStart + BobStart == Ledger.Accounted([alice, bob]),
                $"kill {kills} at command {killAtCommand}: accounted {Ledger.Accounted([alice, bob])}, minted {AliceStart + BobStart}; alice {alice.State} {alice.Balance}, bob {bob.State} {bob.Balance}");
            if (alice.State != TransferState.Idle || bob.State != TransferState.Idle)
            {
                leftMidTransfer++;
                PaymentOutcome recovered = Recover();
                finishedByRecovery += recovered.Kind == PaymentOutcomeKind.Completed ? 1 : 0;
                alice = Read("alice");
                bob = Read("bob");
                Assert.True(alice.State == TransferState.Idle && bob.State == TransferState.Idle,
                    $"kill {kills}: after recovery ({recovered.Kind}: {recovered.Summary}) alice is {alice.State}, bob {bob.State}");
                Assert.Equal(AliceStart + BobStart, Ledger.Accounted([alice, bob]));
            }
        }
        _output.WriteLine($"{kills} kills in {clock.Elapsed.TotalSeconds:F1} s: {leftMidTransfer} left a purse mid-transfer " +
            $"({finishedByRecovery} finished by recovery), {completedBeforeKill} payments ended before their kill");
        Assert.True(leftMidTransfer > 0, "no kill landed inside a payment: the test did not test anything");
    }

    /// <summary>
    /// Starts `scc pay --trace` and kills it (SIGKILL) as soon as the trace shows command <paramref name="command"/>
    /// going to a card. True when scc had already ended by then.
    /// </summary>
    private bool PayAndKill(int command)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { Path.Combine(AppContext.BaseDirectory, "scc.dll"), "pay", "--from", "alice", "--to", "bob",
                     "--amount", "0.01", "--currency", "EUR", "--trace" })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["SCC_HOME"] = _home;
        start.Environment.Remove("SCC_CARD");
        start.Environment.Remove("SCC_LOCK_CODE");
        using Process scc = Process.Start(start) ?? throw new InvalidOperationException("could not start scc");
        Task<string> stdout = scc.StandardOutput.ReadToEndAsync();
        int sent = 0;
        var stderr = new List<string>();
        while (sent < command)
        {
            Task<string?> next = scc.StandardError.ReadLineAsync();
            Assert.True(next.Wait(Patience), $"scc pay printed nothing for {Patience.TotalSeconds} s");
            if (next.Result is not { } line)
            {
                scc.WaitForExit();
                Assert.True(scc.ExitCode == 0, $"scc pay ended with {scc.ExitCode} before its kill: {stdout.Result} {string.Join(" | ", stderr)}");
                return true;
            }
            stderr.Add(line);
            sent += line.Contains(" → ", StringComparison.Ordinal) ? 1 : 0;
        }
        scc.Kill();
        scc.WaitForExit();
        return false;
    }

    private PurseSnapshot Read(string card) => ImageHome.Read(_home, card);

    private PaymentOutcome Recover()
    {
        EmulatedCardStore cards = EmulatedCardStore.ForHome(_home);
        using CardSession alice = cards.Open("alice"), bob = cards.Open("bob");
        return new PaymentCoordinator().Recover(alice.OpenPurse(), bob.OpenPurse());
    }

    private static TimeSpan Budget()
    {
        string? text = Environment.GetEnvironmentVariable("SCC_TEARING_BUDGET");
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.FromSeconds(3);
    }
}
