using System.Diagnostics;
using System.Globalization;
using SmartCardCash.CardAccess;
using SmartCardCash.Integration.Tests.Infrastructure;
using SmartCardCash.Purse;
using Xunit.Abstractions;

namespace SmartCardCash.Payments.Tests;

/// <summary>
/// `scc pay` between two card images, killed with SIGKILL in the middle of a payment. After every kill both images must
/// load (checksums, locks), every cent must be accounted for (balances, exception logs, value in flight), and recovery
/// must leave both purses idle.
/// </summary>
/// <remarks>
/// Two ways to kill it. Exactly, at each step of the protocol: scc's crash points (SCC_CRASH_BEFORE_APDU,
/// SCC_CRASH_AFTER_APDU) kill it before a command reaches a card or after the card answered it, and the purses must be
/// in the states the protocol puts them in at that step. And from outside, at random: the test kills scc when its trace
/// shows the N-th command going out, which on a busy machine lands wherever the scheduler lets it (inside an NVM
/// transaction, while an image is written, or after the payment); that loop runs for SCC_TEARING_BUDGET seconds
/// (default 3), at least 4 kills. Nothing is asserted about time.
/// </remarks>
public sealed class KillDashNinePaymentTests : IDisposable
{
    private const uint AliceStart = 10_000;
    private const uint BobStart = 1_000;
    private const int KilledBySigkill = 128 + 9;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly string[] PayArguments = ["pay", "--from", "alice", "--to", "bob", "--amount", "0.01", "--currency", "EUR", "--trace"];

    private readonly string _home = Path.Combine(Path.GetTempPath(), "scc-kill-pay-" + Guid.NewGuid().ToString("N"));
    private readonly ITestOutputHelper _output;

    /// <summary>Every exception record seen across the kills: a purse in a later transfer cannot show its log.</summary>
    private readonly PaymentArchive _archive = new();

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

    /// <summary>
    /// On these T=1 cards scc pay sends 13 commands, numbered as its trace shows them: SELECT and read the certificates
    /// of both (1-4), VERIFY CERTIFICATE (5, 6), START FROM to alice (7), START TO to bob (8), REQ to alice (9), VAL to
    /// bob (10), ACK to alice (11), read both balances (12, 13). The states are those after <c>done</c> commands.
    /// </summary>
    public static TheoryData<string, int, int> CrashPoints()
    {
        var points = new TheoryData<string, int, int>();
        foreach (int command in Enumerable.Range(7, 6))
        {
            points.Add("before", command, command - 1);
        }
        foreach (int command in Enumerable.Range(6, 6))
        {
            points.Add("after", command, command);
        }
        return points;
    }

    [Theory]
    [MemberData(nameof(CrashPoints))]
    public void Scc_pay_crashed_at_a_step_leaves_the_purses_where_the_protocol_says_and_recovery_settles_them(string when, int command, int done)
    {
        (TransferState Alice, TransferState Bob) expected = done switch
        {
            7 => (TransferState.ExpectingReq, TransferState.Idle),
            8 => (TransferState.ExpectingReq, TransferState.ExpectingVal),
            9 => (TransferState.ExpectingAck, TransferState.ExpectingVal),
            10 => (TransferState.ExpectingAck, TransferState.Idle),
            _ => (TransferState.Idle, TransferState.Idle),
        };
        uint aliceBalance = done >= 9 ? AliceStart - 1 : AliceStart;
        uint bobBalance = done >= 10 ? BobStart + 1 : BobStart;

        (int exitCode, string output) = PayWith(when == "before" ? "SCC_CRASH_BEFORE_APDU" : "SCC_CRASH_AFTER_APDU", command);

        Assert.True(exitCode == KilledBySigkill, $"scc pay exited {exitCode} instead of being killed: {output}");
        PurseSnapshot alice = Read("alice"), bob = Read("bob");
        Assert.Equal(expected, (alice.State, bob.State));
        Assert.Equal((aliceBalance, bobBalance), (alice.Balance, bob.Balance));
        Assert.Equal(AliceStart + BobStart, Ledger.Accounted([alice, bob], _archive));
        RecoverAndCheck($"crash {when} command {command}", alice, bob);
    }

    [Fact]
    public void Scc_pay_killed_from_outside_at_random_leaves_loadable_images_and_every_cent_accounted_for()
    {
        TimeSpan budget = Budget();
        var clock = Stopwatch.StartNew();
        var pick = new Random(20261125);
        int kills = 0, leftMidTransfer = 0, completedBeforeKill = 0;
        while (kills < 4 || clock.Elapsed < budget)
        {
            // Commands 5-13 as numbered above; at 14 it has ended before the kill.
            int killAtCommand = pick.Next(5, 15);
            bool exitedFirst = PayAndKill(killAtCommand);
            kills++;
            completedBeforeKill += exitedFirst ? 1 : 0;

            PurseSnapshot alice = Read("alice"), bob = Read("bob");
            Assert.True(AliceStart + BobStart == Ledger.Accounted([alice, bob], _archive),
                $"kill {kills} at command {killAtCommand}: accounted {Ledger.Accounted([alice, bob], _archive)}, minted {AliceStart + BobStart}; alice {alice.State} {alice.Balance}, bob {bob.State} {bob.Balance}");
            leftMidTransfer += RecoverAndCheck($"kill {kills} at command {killAtCommand}", alice, bob) ? 1 : 0;
        }
        _output.WriteLine($"{kills} kills in {clock.Elapsed.TotalSeconds:F1} s: {leftMidTransfer} left a purse mid-transfer, " +
            $"{completedBeforeKill} payments ended before their kill");
    }

    /// <summary>When a purse is mid-transfer, recovers the pair and checks both end idle with nothing lost. True if one was.</summary>
    private bool RecoverAndCheck(string what, PurseSnapshot alice, PurseSnapshot bob)
    {
        if (alice.State == TransferState.Idle && bob.State == TransferState.Idle)
        {
            return false;
        }
        PaymentOutcome recovered = Recover();
        alice = Read("alice");
        bob = Read("bob");
        Assert.True(alice.State == TransferState.Idle && bob.State == TransferState.Idle,
            $"{what}: after recovery ({recovered.Kind}: {recovered.Summary}) alice is {alice.State}, bob {bob.State}");
        Assert.Equal(AliceStart + BobStart, Ledger.Accounted([alice, bob], _archive));
        return true;
    }

    /// <summary>Runs `scc pay` of EUR 0.01 from alice to bob to its end, with <paramref name="variable"/> set to <paramref name="command"/>.</summary>
    private (int ExitCode, string Output) PayWith(string variable, int command)
    {
        Dictionary<string, string> environment = new(SccProcess.InHome(_home)) { [variable] = command.ToString(CultureInfo.InvariantCulture) };
        SccResult result = SccProcess.Run(environment, PayArguments);
        return (result.ExitCode, result.ToString());
    }

    /// <summary>
    /// Starts `scc pay --trace` and kills it (SIGKILL) as soon as the trace shows command <paramref name="command"/>
    /// going to a card. True when scc had already ended by then.
    /// </summary>
    private bool PayAndKill(int command)
    {
        using Process scc = Process.Start(SccProcess.StartInfo(SccProcess.InHome(_home), PayArguments)) ?? throw new InvalidOperationException("could not start scc");
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
        using CardConnection alice = cards.Open("alice"), bob = cards.Open("bob");
        return new PaymentCoordinator().Recover(PurseCard.Open(alice.Channel, alice.DisplayName), PurseCard.Open(bob.Channel, bob.DisplayName));
    }

    private static TimeSpan Budget()
    {
        string? text = Environment.GetEnvironmentVariable("SCC_TEARING_BUDGET");
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.FromSeconds(3);
    }
}
