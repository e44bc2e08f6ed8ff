using System.Text.RegularExpressions;
using SmartCardCash.CardAccess;
using SmartCardCash.Cli.Tests.Support;
using SmartCardCash.Issuing;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Purse.Spec;
using SmartCardCash.Remote;

namespace SmartCardCash.Cli.Tests;

/// <summary>
/// scc pay and scc receive honour the issuer's signed hotlist once it is installed in $SCC_HOME (hotlist.signed), as
/// well as the terminal's own hotlist.txt; and stop paying when the installed list is rolled back or tampered with.
/// </summary>
public sealed class SignedHotlistCommandTests : TemporaryHomeTests
{
    private static readonly DateOnly Day = new(2026, 11, 25);
    private static readonly PurseId Alice = PurseId.Parse("5343430A00000002");

    public SignedHotlistCommandTests()
    {
        _cli.ConfigureCards = opener => RemoteCardOpener.Register(opener);
        _home.BankAliceAndBob();
    }

    private Issuer Issuer => _home.Issuer.Load();

    private SignedHotlistFile Installed => SignedHotlistFile.InHome(_home.Path);

    private CliResult Pay(string to = "bob") =>
        _cli.Run("pay", "--from", "alice", "--to", to, "--amount", "5", "--currency", "EUR");

    [Fact]
    public void Pay_refuses_a_purse_on_the_installed_signed_list_and_editing_hotlist_txt_cannot_take_it_off()
    {
        Installed.Install(Issuer.SignHotlist(1, Day, [Alice]).Text, Issuer.Certificate);
        File.WriteAllText(Hotlist.DefaultPath(_home.Path), "# nothing barred here\n");

        CliResult result = Pay();

        Assert.Equal(6, result.ExitCode);
        Assert.Contains("alice (purse 5343430A00000002) is on the hotlist", result.SingleErrorLine());
        Assert.Equal((10_000u, 0u), (PaymentCards.Balance(_home, "alice"), PaymentCards.Balance(_home, "bob")));
    }

    [Fact]
    public void Pay_stops_when_the_installed_list_is_rolled_back_or_replaced_by_an_unsigned_one()
    {
        SignedHotlist first = Issuer.SignHotlist(1, Day, []);
        Installed.Install(first.Text, Issuer.Certificate);
        Installed.Install(Issuer.SignHotlist(2, Day, [Alice]).Text, Issuer.Certificate);

        File.WriteAllText(Installed.FilePath, first.Text);   // the old list, on which alice was not yet barred
        CliResult rolledBack = Pay();
        Assert.Equal(7, rolledBack.ExitCode);
        Assert.Equal($"scc: the signed hotlist {Installed.FilePath} is hotlist 1, older than hotlist 2 which this terminal installed " +
            "(an old list was put back); no payment is made until the current one is installed again", rolledBack.SingleErrorLine());

        File.WriteAllText(Installed.FilePath, "# nothing barred\n");
        CliResult unsigned = Pay();
        Assert.Equal(7, unsigned.ExitCode);
        Assert.Contains("is refused (not a signed hotlist", unsigned.SingleErrorLine());
        Assert.Equal(10_000u, PaymentCards.Balance(_home, "alice"));
    }

    [Fact]
    public void Receive_refuses_a_payer_the_issuer_barred_though_the_payers_own_terminal_does_not_check()
    {
        using var receive = new BackgroundScc(_cli, "receive", "--card", "bob", "--listen", "127.0.0.1:0", "--once");
        string status = WaitForStderr(receive, "Receiving into bob");
        string address = "tcp://" + status.Split(" at tcp://")[1].Split(';')[0];
        // Installed while the listener runs: it reads the list again before the next payer's certificate.
        Installed.Install(Issuer.SignHotlist(1, Day, [Alice]).Text, Issuer.Certificate);

        // alice's terminal is modified: it checks no hotlist at all.
        PaymentOutcome outcome = PayWithoutHotlist(address);

        Assert.Equal((PaymentOutcomeKind.NotStarted, true), (outcome.Kind, outcome.IsSecurityRefusal));
        Assert.Equal(1, receive.WaitForExit());
        Assert.Matches($@"refused VERIFY CERTIFICATE from 127\.0\.0\.1:\d+ \(6982\): purse 5343430A00000002 is on the hotlist " +
            $@"\([^)]*{Regex.Escape(Installed.FilePath)}\)", receive.Stdout);
        Assert.Equal((10_000u, 0u), (PaymentCards.Balance(_home, "alice"), PaymentCards.Balance(_home, "bob")));
    }

    private PaymentOutcome PayWithoutHotlist(string address)
    {
        using CardConnection alice = _home.Cards.Open("alice");
        using var remote = new RemoteCardChannel("127.0.0.1", int.Parse(address.Split(':')[^1], System.Globalization.CultureInfo.InvariantCulture));
        var policy = new PaymentPolicy(Issuer.Certificate, Hotlist.Empty, new FixedTimeProvider());
        return new PaymentCoordinator().Pay(PurseCard.Open(alice.Channel, "alice"), PurseCard.Open(remote, address),
            new PaymentRequest(Money.Of(Currency.Eur, 500)), policy);
    }

    private static string WaitForStderr(BackgroundScc scc, string text)
    {
        DateTime giveUp = DateTime.UtcNow + BackgroundScc.Patience;
        while (DateTime.UtcNow < giveUp)
        {
            string line = scc.Stderr.Split('\n').FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal)) ?? "";
            if (line.Length > 0)
            {
                return line;
            }
            Thread.Sleep(20);
        }
        throw new TimeoutException($"no '{text}' on stderr: {scc.Stderr}");
    }
}
