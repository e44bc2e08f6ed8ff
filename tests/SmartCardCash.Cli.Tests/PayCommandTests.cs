using System.Text.Json;
using SmartCardCash.CardAccess;
using SmartCardCash.Cli.Tests.Support;
using SmartCardCash.Issuing;
using SmartCardCash.Issuing.Personalisation;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Cli.Tests;

/// <summary>scc pay in-process against emulated cards in a temporary home: outcomes, refusals, exit codes 0, 1, 2, 4, 5, 6, 7.</summary>
public sealed class PayCommandTests : TemporaryHomeTests
{
    public PayCommandTests() => _home.BankAliceAndBob();

    /// <summary>alice pays bob EUR 12.50, with <paramref name="more"/> options added or replacing those.</summary>
    private CliResult Pay(params string[] more)
    {
        var options = new List<string> { "--from", "alice", "--to", "bob", "--amount", "12.50", "--currency", "EUR" };
        for (int i = 0; i < more.Length; i++)
        {
            int at = options.IndexOf(more[i]);
            if (at >= 0 && i + 1 < more.Length)
            {
                options[at + 1] = more[++i];
            }
            else
            {
                options.Add(more[i]);
            }
        }
        return _cli.Run(["pay", .. options]);
    }

    [Fact]
    public void A_payment_says_what_happened_with_a_table_of_the_payment_and_balances()
    {
        CliResult result = Pay();

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Assert.StartsWith("Paid EUR 12.50 from alice to bob.\n", result.Stdout);
        Assert.Contains("│ Outcome            │ completed", result.Stdout);
        Assert.Contains("│ From               │ alice, purse 5343430A00000002", result.Stdout);
        Assert.Contains("│ To                 │ bob, purse 5343430A00000003", result.Stdout);
        Assert.Contains("│ Sequence numbers   │ from 2, to 1", result.Stdout);
        Assert.Contains("│ alice now          │ EUR 87.50, idle", result.Stdout);
        Assert.Contains("│ bob now            │ EUR 12.50, idle", result.Stdout);
        Assert.Equal((8_750u, 1_250u), (PaymentCards.Balance(_home, "alice"), PaymentCards.Balance(_home, "bob")));
    }

    [Fact]
    public void The_json_outcome_has_one_stable_shape()
    {
        CliResult result = Pay("--order", "order 7: one coffee", "--json");

        Assert.Equal(0, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        JsonElement root = json.RootElement;
        Assert.Equal(["outcome", "summary", "payment", "payer", "payee", "debited", "credited", "value", "refusal", "sideEffects",
            "recovery", "remedy", "next", "journal", "exitCode"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("completed", root.GetProperty("outcome").GetString());
        Assert.Equal(("yes", "yes", "withPayee"), (root.GetProperty("debited").GetString(), root.GetProperty("credited").GetString(),
            root.GetProperty("value").GetString()));
        JsonElement payment = root.GetProperty("payment");
        Assert.Equal("5343430A00000002", payment.GetProperty("from").GetString());
        Assert.Equal(1250, payment.GetProperty("amount").GetProperty("minorUnits").GetInt32());
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData("order 7: one coffee"u8)),
            payment.GetProperty("orderDigest").GetString());
        Assert.Equal("emu:alice", root.GetProperty("payer").GetProperty("card").GetString());
        Assert.Equal("87.50", root.GetProperty("payer").GetProperty("balance").GetProperty("amount").GetString());
        Assert.Equal("idle", root.GetProperty("payee").GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("refusal").ValueKind);
        JsonElement journal = root.GetProperty("journal");
        Assert.Equal((Path.Combine(_home.Path, "journal", "payments.jsonl"), true, JsonValueKind.Null),
            (journal.GetProperty("path").GetString(), journal.GetProperty("kept").GetBoolean(), journal.GetProperty("problem").ValueKind));
        Assert.Equal(0, root.GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public void Insufficient_funds_exits_1_with_one_line_and_changes_nothing()
    {
        CliResult result = Pay("--amount", "150.00");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("scc: nothing was paid: alice has EUR 100.00; the payment needs EUR 150.00", result.SingleErrorLine());
        Assert.Equal(10_000u, PaymentCards.Balance(_home, "alice"));
    }

    [Fact]
    public void Limits_currency_classes_and_a_lock_are_refusals_with_exit_1()
    {
        _home.NewCard("shop", "merchant");
        _home.NewCard("shop2", "merchant");
        _home.NewCard("pounds", "customer", "GBP");
        Assert.Equal(0, _cli.Run("pay", "--from", "bank", "--to", "shop", "--amount", "10", "--currency", "EUR").ExitCode);

        CliResult limit = _cli.Run("pay", "--from", "bank", "--to", "alice", "--amount", "450", "--currency", "EUR");
        Assert.Equal(1, limit.ExitCode);
        Assert.Contains("above alice's transaction limit of EUR 200.00", limit.SingleErrorLine());

        CliResult currency = _cli.Run("pay", "--from", "alice", "--to", "pounds", "--amount", "1", "--currency", "EUR");
        Assert.Equal(1, currency.ExitCode);
        Assert.Contains("pounds holds no EUR pocket", currency.SingleErrorLine());

        CliResult classes = _cli.Run("pay", "--from", "shop", "--to", "shop2", "--amount", "1", "--currency", "EUR");
        Assert.Equal(1, classes.ExitCode);
        Assert.Contains("a merchant purse (shop) may not pay a merchant purse (shop2)", classes.SingleErrorLine());

        Assert.Equal(0, _cli.Run("lock", "--card", "alice", "--code", PurseHome.LockCode).ExitCode);
        CliResult locked = Pay();
        Assert.Equal(1, locked.ExitCode);
        Assert.Contains("alice is locked", locked.SingleErrorLine());
    }

    [Fact]
    public void A_contactless_payment_above_the_limit_needs_code()
    {
        _home.NewCard("tap", "customer", "EUR", "--interface", "contactless");
        Assert.Equal(0, _cli.Run("pay", "--from", "bank", "--to", "tap", "--amount", "100", "--currency", "EUR").ExitCode);

        CliResult without = _cli.Run("pay", "--from", "tap", "--to", "bob", "--amount", "60", "--currency", "EUR");
        Assert.Equal(1, without.ExitCode);
        Assert.Contains("needs its lock code for a contactless payment of EUR 60.00", without.SingleErrorLine());

        _cli.StdinText = PurseHome.LockCode + "\n";
        CliResult with = _cli.Run("pay", "--from", "tap", "--to", "bob", "--amount", "60", "--currency", "EUR", "--code", "-");
        Assert.Equal(0, with.ExitCode);
        Assert.DoesNotContain(PurseHome.LockCode, with.Stdout + with.Stderr);
    }

    [Fact]
    public void A_hotlisted_purse_is_a_security_refusal_exit_6_from_the_default_hotlist_or_a_named_one()
    {
        File.WriteAllText(Path.Combine(_home.Path, "hotlist.txt"), "# cloned\n5343430A00000003\n");

        CliResult hot = Pay();
        Assert.Equal(6, hot.ExitCode);
        Assert.Contains("bob (purse 5343430A00000003) is on the hotlist", hot.SingleErrorLine());

        string other = Path.Combine(_home.Path, "other-hotlist.txt");
        File.WriteAllText(other, "5343430A00000099\n");
        Assert.Equal(0, Pay("--hotlist", other).ExitCode);

        File.WriteAllText(other, "not a purse\n");
        CliResult broken = Pay("--hotlist", other);
        Assert.Equal(7, broken.ExitCode);
        Assert.Contains("line 1", broken.SingleErrorLine());
        Assert.Equal(7, Pay("--hotlist", Path.Combine(_home.Path, "missing.txt")).ExitCode);
    }

    [Fact]
    public void A_purse_of_another_issuer_or_an_expired_certificate_is_refused_for_security()
    {
        // A certificate that ran out years ago by the terminal's clock.
        Issuer issuer = _home.Issuer.Load();
        var earlier = new PursePersonaliser(issuer, _home.Issuer, new FixedTimeProvider(new DateTimeOffset(2019, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        using (CardConnection old = _home.Cards.CreatePurseCard("old", Emulator.InterfaceProfile.ContactT1))
        {
            earlier.Personalise(PurseCard.Open(old.Channel, old.DisplayName), PersonalisationRequest.WithDefaultLimits(PurseClass.Customer, [Currency.Eur.Code],
                PurseHome.LockCode) with { ValidityYears = 1 });
        }
        CliResult expired = _cli.Run("pay", "--from", "alice", "--to", "old", "--amount", "1", "--currency", "EUR");
        Assert.Equal(6, expired.ExitCode);
        Assert.Contains("old's certificate expired on 2020-01-01", expired.SingleErrorLine());

        // The terminal trusting another issuer refuses both purses.
        string foreign = Path.Combine(_home.Path, "foreign.cvc");
        File.WriteAllBytes(foreign, Issuer.Create(new IssuerId(0x0BADBEEF), DateOnly.FromDateTime(FixedTimeProvider.Instant.UtcDateTime))
            .Certificate.ToArray());
        CliResult untrusted = Pay("--issuer-certificate", foreign);
        Assert.Equal(6, untrusted.ExitCode);
        Assert.Contains("alice's certificate is not to be trusted: it is from issuer 5343430A, not the trusted issuer 0BADBEEF",
            untrusted.SingleErrorLine());
    }

    [Fact]
    public void A_purse_left_mid_payment_is_not_paid_from_without_force_and_force_says_what_it_aborted()
    {
        PaymentCards.StartAndStop(_home, "alice", "bob", 500, PurseInstruction.Val);   // alice epa
        _home.NewCard("carol", "customer");

        CliResult refused = _cli.Run("pay", "--from", "alice", "--to", "carol", "--amount", "1", "--currency", "EUR");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("alice has an unfinished transfer from an earlier payment, epa (EUR 5.00", refused.SingleErrorLine());
        Assert.Contains("Next: finish the earlier transfer first: scc recover --from emu:alice --to CARD, where CARD is the card of purse 5343430A00000003",
            refused.Stdout);
        Assert.Contains("Next: or pay with --force", refused.Stdout);
        Assert.Equal(TransferState.ExpectingAck, PaymentCards.State(_home, "alice"));

        CliResult forced = _cli.Run("pay", "--from", "alice", "--to", "carol", "--amount", "1", "--currency", "EUR", "--force");
        Assert.Equal(0, forced.ExitCode);
        Assert.Contains("Also: alice's unfinished earlier transfer (epa, EUR 5.00", forced.Stdout);
        Assert.Contains("exception log (reason 01)", forced.Stdout);
    }

    [Fact]
    public void A_payee_pulled_before_val_leaves_an_interrupted_payment_exit_5_that_recover_finishes()
    {
        _cli.ConfigureCards = opener => opener.Register(CardAddressKind.Emulated,
            new PullingOpener(_home.Cards, "bob", PurseInstruction.Val));

        CliResult cut = Pay("--json");

        Assert.Equal(5, cut.ExitCode);
        Assert.Equal("scc: the payment did not complete (interrupted): the value is in alice's pending log (epa), or with bob; " +
            "next: finish it with both cards present: scc recover --from emu:alice --to emu:bob", cut.SingleErrorLine());
        using (JsonDocument json = JsonDocument.Parse(cut.Stdout))
        {
            JsonElement root = json.RootElement;
            Assert.Equal(("interrupted", "pendingLogOrPayee", "recoverOrAbandon"), (root.GetProperty("outcome").GetString(),
                root.GetProperty("value").GetString(), root.GetProperty("remedy").GetString()));
            Assert.Equal("finish it with both cards present: scc recover --from emu:alice --to emu:bob",
                root.GetProperty("next")[0].GetString());
            Assert.False(root.GetProperty("payee").GetProperty("reachable").GetBoolean());
        }
        _cli.ConfigureCards = null;
        Assert.Equal(TransferState.ExpectingAck, PaymentCards.State(_home, "alice"));

        CliResult recovered = _cli.Run("recover", "--from", "emu:alice", "--to", "emu:bob");
        Assert.Equal(0, recovered.ExitCode);
        Assert.StartsWith("Finished the interrupted payment: EUR 12.50 from alice to bob is complete.", recovered.Stdout);
        Assert.Contains("What happened: RESUME on alice gave its val; VAL to bob and ACK to alice finished the payment.", recovered.Stdout);
        Assert.Equal((8_750u, 1_250u), (PaymentCards.Balance(_home, "alice"), PaymentCards.Balance(_home, "bob")));

        CliResult again = _cli.Run("recover", "--from", "alice", "--to", "bob");
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("Nothing to recover: neither alice nor bob has a transfer in progress. Their last payment, EUR 12.50", again.Stdout);
    }

    [Fact]
    public void A_payer_pulled_before_ack_is_completed_for_the_payee_exit_0_with_a_note()
    {
        _cli.ConfigureCards = opener => opener.Register(CardAddressKind.Emulated,
            new PullingOpener(_home.Cards, "alice", PurseInstruction.Ack));

        CliResult result = Pay();

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("bob was credited with EUR 12.50, but alice did not confirm taking the acknowledgement", result.Stdout);
        Assert.Contains("Next: finish it with both cards present: scc recover --from emu:alice --to emu:bob", result.Stdout);
        _cli.ConfigureCards = null;
        Assert.Equal(0, _cli.Run("recover", "--from", "alice", "--to", "bob").ExitCode);
        Assert.Equal(TransferState.Idle, PaymentCards.State(_home, "alice"));
    }

    [Fact]
    public void A_card_pulled_before_anything_was_debited_exits_4()
    {
        _cli.ConfigureCards = opener => opener.Register(CardAddressKind.Emulated,
            new PullingOpener(_home.Cards, "bob", PurseInstruction.GetData));

        CliResult result = Pay();

        Assert.Equal(4, result.ExitCode);
        Assert.Equal("scc: nothing was paid: bob did not answer GET DATA (certificate) (the card was pulled from the reader)",
            result.SingleErrorLine());
        Assert.Contains("Next: nothing was debited: pay again with both cards present", result.Stdout);
    }

    [Theory]
    [InlineData("--from", "tcp://127.0.0.1:7000", "a remote card only receives")]
    [InlineData("--to", "alice", "the same card")]
    [InlineData("--order-digest", "00FF", "a SHA-256 digest is 32 bytes")]
    [InlineData("--amount", "0", "the amount must be more than")]
    public void Impossible_requests_are_usage_errors(string option, string value, string message)
    {
        CliResult result = option == "--from"
            ? _cli.Run("pay", "--from", value, "--to", "bob", "--amount", "1", "--currency", "EUR")
            : Pay(option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.SingleErrorLine());
    }

    [Theory]
    [InlineData("0", "scc: --amount: the amount must be more than EUR 0.00")]
    [InlineData("42949672.96", "scc: --amount: EUR 42949672.96 is more than a purse can hold (EUR 42949672.95)")]
    [InlineData("12.505", "scc: --amount: '12.505' has more than 2 decimals, the most EUR has")]
    public void An_amount_no_purse_can_pay_is_one_usage_line(string amount, string line)
    {
        CliResult result = Pay("--amount", amount);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(line, result.SingleErrorLine());
    }

    [Fact]
    public void Without_a_trusted_issuer_certificate_nothing_is_paid_exit_7()
    {
        File.Delete(_home.Issuer.CertificatePath);

        CliResult result = Pay();

        Assert.Equal(7, result.ExitCode);
        Assert.Contains("no trusted issuer certificate", result.SingleErrorLine());
    }

    [Fact]
    public void A_remote_payee_nobody_serves_is_unavailable_exit_3()
    {
        _cli.ConfigureCards = opener => Remote.RemoteCardOpener.Register(opener);
        var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        int port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        CliResult result = Pay("--to", $"tcp://127.0.0.1:{port}");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"nobody is receiving payments at tcp://127.0.0.1:{port}", result.SingleErrorLine());
    }
}
