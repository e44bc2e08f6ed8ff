using System.Text.Json;
using SmartCardCash.CardAccess;
using SmartCardCash.Integration.Tests.Infrastructure;
using SmartCardCash.Issuing;
using SmartCardCash.LocalData;
using SmartCardCash.Purse;
using SmartCardCash.Remote;

namespace SmartCardCash.Payments.Tests;

/// <summary>
/// The Mondex Telephone between two processes: 'scc receive' serves bob's card from a home of its own, this process
/// pays into it from alice's card (and a second scc process recovers when the connection was cut).
/// </summary>
public sealed class TwoProcessTests : IDisposable
{
    private const uint AliceStart = 10_000;
    private const uint BobStart = 1_000;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "scc-two-process-" + Guid.NewGuid().ToString("N"));
    private readonly string _payerHome;
    private readonly string _payeeHome;
    private readonly Issuer _issuer;

    public TwoProcessTests()
    {
        _payerHome = Path.Combine(_root, "payer");
        _payeeHome = Path.Combine(_root, "payee");
        _issuer = ImageHome.Create(_payerHome, AliceStart, BobStart);
        // bob's card goes to the payee's machine: a home with nothing but that card.
        Directory.CreateDirectory(SccHome.CardsDirectory(_payeeHome));
        File.Move(Path.Combine(SccHome.CardsDirectory(_payerHome), "bob.card"), Path.Combine(SccHome.CardsDirectory(_payeeHome), "bob.card"));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A failed test may leave a lock file behind; the folder is in /tmp either way.
        }
    }

    private static PaymentRequest Request(uint cents) => new(Money.Of(Currency.Eur, cents));

    private PaymentPolicy Policy() => new(_issuer.Certificate);

    private static string ListeningAddress(SccProcess receive)
    {
        using JsonDocument json = JsonDocument.Parse(receive.WaitForLine("\"event\":\"listening\""));
        return json.RootElement.GetProperty("address").GetString()!;
    }

    private PaymentOutcome PayFromAlice(string host, int port, uint cents)
    {
        using CardConnection alice = EmulatedCardStore.ForHome(_payerHome).Open("alice");
        using var remote = new RemoteCardChannel(host, port, new RemoteCardOptions { ConnectTimeout = TimeSpan.FromSeconds(2) });
        return new PaymentCoordinator().Pay(PurseCard.Open(alice.Channel, alice.DisplayName), PurseCard.Open(remote, remote.Name), Request(cents), Policy());
    }

    [Fact]
    public void A_payment_into_scc_receive_in_another_process_completes_and_moves_the_balances()
    {
        using SccProcess receive = SccProcess.Start(SccProcess.InHome(_payeeHome), "receive", "--card", "bob", "--listen", "127.0.0.1:0", "--once", "--json");
        var address = CardAddress.Parse(ListeningAddress(receive));

        PaymentOutcome outcome = PayFromAlice(address.Host!, address.Port, 1_250);

        Assert.True(outcome.Kind == PaymentOutcomeKind.Completed, outcome.Summary);
        SccResult received = receive.WaitForExit();
        Assert.Equal(0, received.ExitCode);
        Assert.Contains(received.Stdout, line => line.Contains("\"event\":\"paymentReceived\"", StringComparison.Ordinal));
        Assert.Contains(received.Stdout, line => line.Contains("\"result\":\"received\"", StringComparison.Ordinal) &&
            line.Contains("\"amount\":\"22.50\"", StringComparison.Ordinal));
        PurseSnapshot alice = ImageHome.Read(_payerHome, "alice"), bob = ImageHome.Read(_payeeHome, "bob");
        Assert.Equal((AliceStart - 1_250, BobStart + 1_250), (alice.Balance, bob.Balance));
    }

    public static TheoryData<int, DropMode> Cuts() => new()
    {
        { 3, DropMode.BeforeCommand },
        { 3, DropMode.AfterCommand },
        { 4, DropMode.BeforeCommand },
        { 4, DropMode.AfterCommand },
    };

    [Theory]
    [MemberData(nameof(Cuts))]
    public void A_connection_cut_mid_payment_loses_nothing_and_scc_recover_in_a_third_process_settles_it(int frame, DropMode mode)
    {
        using SccProcess receive = SccProcess.Start(SccProcess.InHome(_payeeHome), "receive", "--card", "bob", "--listen", "127.0.0.1:0", "--json");
        var address = CardAddress.Parse(ListeningAddress(receive));

        PaymentOutcome outcome;
        using (var proxy = new DroppingProxy(address.Port, frame, mode) { RefuseAfterDrop = true })
        {
            outcome = PayFromAlice("127.0.0.1", proxy.Port, 1_250);
            Assert.True(proxy.Dropped);
        }
        Assert.True(outcome.Kind is PaymentOutcomeKind.NotStarted or PaymentOutcomeKind.Interrupted, $"{outcome.Kind}: {outcome.Summary}");

        SccResult recovered = SccProcess.Run(SccProcess.InHome(_payerHome), "recover", "--from", "alice", "--to", address.ToString(), "--json");

        Assert.True(recovered.ExitCode == 0, recovered.ToString());
        using (JsonDocument json = JsonDocument.Parse(recovered.StdoutText))
        {
            Assert.Contains(json.RootElement.GetProperty("outcome").GetString(), new[] { "completed", "notStarted", "nothingToRecover" });
        }
        receive.Interrupt();
        Assert.Equal(0, receive.WaitForExit().ExitCode);
        PurseSnapshot alice = ImageHome.Read(_payerHome, "alice"), bob = ImageHome.Read(_payeeHome, "bob");
        Assert.Equal(TransferState.Idle, alice.State);
        Assert.Equal(AliceStart + BobStart, Ledger.Accounted([alice, bob]));
        // Once START TO reached bob and alice could be debited (REQ), the payment is finished, not logged.
        bool debited = frame == 4;
        Assert.Equal(debited ? (AliceStart - 1_250, BobStart + 1_250) : (AliceStart, BobStart), (alice.Balance, bob.Balance));
    }
}
