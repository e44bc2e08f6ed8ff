using System.Text.Json;
using SmartCardCash.CardAccess;
using SmartCardCash.Cli.Tests.Support;
using SmartCardCash.Emulator;
using SmartCardCash.Pcsc.Testing;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Applet;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Cli.Tests;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CardCommandTests : TemporaryHomeTests
{
    [Fact]
    public void New_creates_an_image_and_personalises_it_through_apdus()
    {
        _home.InitIssuer();

        CliResult result = _cli.Run("card", "new", "alice", "--class", "customer", "--currency", "EUR,JPY", "--lock-code", "1234",
            "--interface", "contactless");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Created card 'alice': customer purse 5343430A00000001", result.Stdout);
        Assert.Contains("│ JPY      │       0 │       50000 │             20000 │              5000 │", result.Stdout);
        using CardConnection card = _home.Cards.Open("alice");
        PurseInfo info = PurseCard.Open(card.Channel, card.DisplayName).ReadInfo();
        Assert.Equal(PurseLifecycle.Issued, info.Lifecycle);
        Assert.Equal(PurseClass.Customer, info.Class);
        Assert.Equal(InterfaceProfile.Contactless, _home.Cards.InterfaceOf("alice"));
    }

    [Fact]
    public void New_blank_makes_a_card_whose_purse_waits_for_personalisation_without_an_issuer()
    {
        CliResult result = _cli.Run("card", "new", "factory", "--blank", "--interface", "contactless");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Created blank card 'factory': purse installed, not personalised, contactless.", result.Stdout.TrimEnd());
        using CardConnection card = _home.Cards.Open("factory");
        PurseInfo info = PurseCard.Open(card.Channel, card.DisplayName).ReadInfo();
        Assert.Equal(PurseLifecycle.Personalisation, info.Lifecycle);
        Assert.Null(info.PurseId);
        Assert.Equal(InterfaceProfile.Contactless, _home.Cards.InterfaceOf("factory"));
    }

    [Fact]
    public void New_blank_json_and_a_blank_card_can_be_personalised_later()
    {
        CliResult blank = _cli.Run("card", "new", "later", "--blank", "--json");
        _home.InitIssuer();
        CliResult personalised = _cli.Run("card", "personalise", "--card", "emu:later", "--class", "customer", "--currency", "EUR",
            "--lock-code", "1234");

        Assert.Equal(0, blank.ExitCode);
        using JsonDocument json = JsonDocument.Parse(blank.Stdout);
        Assert.Equal("later", json.RootElement.GetProperty("card").GetString());
        Assert.Equal("emu:later", json.RootElement.GetProperty("address").GetString());
        Assert.Equal("personalisation", json.RootElement.GetProperty("lifecycle").GetString());
        Assert.Equal("contact-t1", json.RootElement.GetProperty("interface").GetString());
        Assert.True(personalised.ExitCode == 0, personalised.Stderr);
    }

    [Theory]
    [InlineData(new[] { "--blank", "--class", "bank", "--tries", "4" },
        "scc: --blank makes a card whose purse is not personalised: --class, --tries do not apply (see 'scc card new --help')")]
    [InlineData(new[] { "--currency", "EUR" }, "scc: option '--class' is required (see 'scc card new --help')")]
    [InlineData(new string[0], "scc: option '--class' is required; option '--currency' is required (see 'scc card new --help')")]
    public void New_refuses_personalisation_options_with_blank_and_needs_class_and_currency_without(string[] options, string error)
    {
        CliResult result = _cli.Run(["card", "new", "x", .. options]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(error, result.SingleErrorLine());
        Assert.False(_home.Cards.Exists("x"));
    }

    [Fact]
    public void New_json_describes_the_purse()
    {
        _home.InitIssuer();

        CliResult result = _cli.Run("card", "new", "shop", "--class", "merchant", "--currency", "GBP", "--lock-code", "1234",
            "--max-balance", "900", "--tries", "5", "--json");

        Assert.Equal(0, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        JsonElement root = json.RootElement;
        Assert.Equal("shop", root.GetProperty("card").GetString());
        Assert.Equal("emu:shop", root.GetProperty("address").GetString());
        Assert.Equal("merchant", root.GetProperty("class").GetString());
        Assert.Equal(5, root.GetProperty("lockCodeTries").GetInt32());
        Assert.Equal("contact-t1", root.GetProperty("interface").GetString());
        JsonElement pocket = root.GetProperty("pockets")[0];
        Assert.Equal("900.00", pocket.GetProperty("maximumBalance").GetProperty("amount").GetString());
        Assert.Equal("900.00", pocket.GetProperty("transactionLimit").GetProperty("amount").GetString());
        Assert.Equal(5_000u, pocket.GetProperty("contactlessLimit").GetProperty("minorUnits").GetUInt32());
    }

    [Fact]
    public void Limits_may_be_given_per_currency()
    {
        _home.InitIssuer();

        CliResult result = _cli.Run("card", "new", "alice", "--class", "customer", "--currency", "EUR,GBP", "--lock-code", "1234",
            "--contactless-limit", "GBP=10", "--transaction-limit", "EUR=100.50");

        Assert.Equal(0, result.ExitCode);
        using CardConnection card = _home.Cards.Open("alice");
        PurseCard purse = PurseCard.Open(card.Channel, card.DisplayName);
        purse.Select();
        Assert.Equal([new PocketLimits(Currency.Eur.Code, 50_000, 10_050, 5_000), new PocketLimits(Currency.Gbp.Code, 50_000, 20_000, 1_000)],
            purse.GetLimits());
    }

    [Theory]
    [InlineData("--currency", "EUX", "'EUX' is not a known currency")]
    [InlineData("--currency", "EUR,EUR", "EUR is listed twice")]
    [InlineData("--max-balance", "12.345", "--max-balance: '12.345' has more than 2 decimals")]
    [InlineData("--max-balance", "-1", "negative")]
    [InlineData("--contactless-limit", "600", "EUR limits must keep contactless ≤ transaction ≤ maximum balance")]
    [InlineData("--max-balance", "JPY=5", "--max-balance: JPY is not one of the card's currencies")]
    [InlineData("--tries", "16", "--tries: '16' is not a whole number from 1 to 15")]
    [InlineData("--lock-code", "12", "the lock code from --lock-code is not 4 to 8 digits")]
    public void Bad_personalisation_options_are_usage_errors_and_leave_no_card(string option, string value, string message)
    {
        _home.InitIssuer();
        var args = new List<string> { "card", "new", "alice", "--class", "customer", "--currency", "EUR", "--lock-code", "1234" };
        int at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }
        if (option == "--contactless-limit")
        {
            args.AddRange(["--transaction-limit", "500"]);
        }

        CliResult result = _cli.Run([.. args]);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains(message, result.SingleErrorLine());
        Assert.Empty(_home.Cards.List());
    }

    [Theory]
    [InlineData(new[] { "--max-balance", "10", "--transaction-limit", "20" }, "--transaction-limit 20.00 is above --max-balance 10.00")]
    [InlineData(new[] { "--max-balance", "10", "--contactless-limit", "20" }, "--contactless-limit 20.00 is above --max-balance 10.00")]
    [InlineData(new[] { "--transaction-limit", "EUR=5", "--contactless-limit", "20" }, "--contactless-limit 20.00 is above --transaction-limit 5.00")]
    public void Contradicting_limits_are_named_by_the_options_given_never_by_a_default(string[] limits, string conflict)
    {
        _home.InitIssuer();

        CliResult result = _cli.Run(["card", "new", "zed", "--class", "customer", "--currency", "EUR", "--lock-code", "1234", .. limits]);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Equal($"scc: EUR limits must keep contactless ≤ transaction ≤ maximum balance, but {conflict}", result.SingleErrorLine());
        Assert.Empty(_home.Cards.List());
    }

    [Fact]
    public void An_unknown_class_is_a_usage_error()
    {
        CliResult result = _cli.Run("card", "new", "alice", "--class", "pirate", "--currency", "EUR");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("'pirate' is not customer, merchant or bank", result.SingleErrorLine());
    }

    [Fact]
    public void New_without_an_issuer_is_local_data_and_makes_no_card()
    {
        CliResult result = _cli.Run("card", "new", "alice", "--class", "customer", "--currency", "EUR", "--lock-code", "1234");

        Assert.Equal(ExitCodes.LocalData, result.ExitCode);
        Assert.Contains("run 'scc issuer init'", result.SingleErrorLine());
        Assert.Empty(_home.Cards.List());
    }

    [Fact]
    public void New_with_a_taken_name_or_a_bad_name_is_a_usage_error()
    {
        _home.InitIssuer();
        _home.NewCard("alice", "customer");

        CliResult taken = _cli.Run("card", "new", "alice", "--class", "customer", "--currency", "EUR", "--lock-code", "1234");
        CliResult bad = _cli.Run("card", "new", "al/ice", "--class", "customer", "--currency", "EUR", "--lock-code", "1234");

        Assert.Equal(ExitCodes.UsageError, taken.ExitCode);
        Assert.Contains("a card named 'alice' already exists", taken.SingleErrorLine());
        Assert.Equal(ExitCodes.UsageError, bad.ExitCode);
        Assert.Contains("is not a valid card name", bad.SingleErrorLine());
    }

    [Fact]
    public void New_without_a_lock_code_and_no_terminal_says_how_to_give_one()
    {
        _home.InitIssuer();

        CliResult result = _cli.Run("card", "new", "alice", "--class", "customer", "--currency", "EUR");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Equal("scc: a lock code is needed: give --lock-code CODE, set SCC_LOCK_CODE, or pipe it in with --lock-code -",
            result.SingleErrorLine());
    }

    [Fact]
    public void New_at_a_terminal_asks_for_the_lock_code_twice()
    {
        _home.InitIssuer();
        _cli.IsInputTerminal = true;
        _cli.SecretAnswers.Enqueue("2468");
        _cli.SecretAnswers.Enqueue("2468");

        CliResult result = _cli.Run("card", "new", "alice", "--class", "customer", "--currency", "EUR");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["New lock code: ", "Repeat it: "], _cli.Prompts);
        Assert.DoesNotContain("2468", result.Stdout + result.Stderr);
        using CardConnection card = _home.Cards.Open("alice");
        PurseCard purse = PurseCard.Open(card.Channel, card.DisplayName);
        purse.Select();
        purse.VerifyLockCode("2468");
    }

    [Fact]
    public void Two_different_codes_at_the_prompt_change_nothing()
    {
        _home.InitIssuer();
        _cli.IsInputTerminal = true;
        _cli.SecretAnswers.Enqueue("2468");
        _cli.SecretAnswers.Enqueue("2469");

        CliResult result = _cli.Run("card", "new", "alice", "--class", "customer", "--currency", "EUR");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("the two lock codes typed differ", result.SingleErrorLine());
        Assert.Empty(_home.Cards.List());
    }

    [Fact]
    public void List_reads_every_image()
    {
        _home.BankAndAlice();

        CliResult human = _cli.Run("card", "list");
        CliResult json = _cli.Run("card", "list", "--json");

        Assert.Equal(0, human.ExitCode);
        Assert.Contains("│ bank  │ 5343430A00000001 │ bank     │ EUR,GBP    │ EUR 1000.00, GBP 0.00 │ issued    │ contact-t1 │", human.Stdout);
        using JsonDocument document = JsonDocument.Parse(json.Stdout);
        JsonElement alice = document.RootElement[0];
        Assert.Equal("alice", alice.GetProperty("name").GetString());
        Assert.Equal("ok", alice.GetProperty("status").GetString());
        Assert.Equal("5343430A00000002", alice.GetProperty("purseId").GetString());
        Assert.Equal("customer", alice.GetProperty("class").GetString());
        Assert.Equal("issued", alice.GetProperty("lifecycle").GetString());
        Assert.Equal("0.00", alice.GetProperty("balances")[0].GetProperty("amount").GetString());
    }

    [Fact]
    public void List_shows_a_card_in_use_elsewhere_instead_of_failing()
    {
        _home.BankAndAlice();
        using CardConnection held = _home.Cards.Open("alice");

        CliResult result = _cli.Run("card", "list", "--json");

        Assert.Equal(0, result.ExitCode);
        using JsonDocument document = JsonDocument.Parse(result.Stdout);
        Assert.Equal("in use", document.RootElement[0].GetProperty("status").GetString());
        Assert.Equal("ok", document.RootElement[1].GetProperty("status").GetString());
    }

    [Fact]
    public void An_empty_home_lists_no_cards_with_a_hint()
    {
        CliResult result = _cli.Run("card", "list");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("make one with 'scc card new'", result.Stdout);
    }

    [Fact]
    public void Delete_refuses_a_card_with_value_unless_forced()
    {
        _home.BankAndAlice();

        CliResult refused = _cli.Run("card", "delete", "bank");
        CliResult forced = _cli.Run("card", "delete", "bank", "--force", "--json");

        Assert.Equal(ExitCodes.UsageError, refused.ExitCode);
        Assert.Equal("scc: card 'bank' still holds EUR 1000.00; pay it out first, or delete it anyway with --force",
            refused.SingleErrorLine());
        Assert.Equal(0, forced.ExitCode);
        Assert.Contains("\"deleted\": true", forced.Stdout);
        Assert.Equal(["alice"], _home.Cards.List());
    }

    [Fact]
    public void Delete_removes_an_empty_card_and_an_unknown_one_is_not_found()
    {
        _home.BankAndAlice();

        CliResult deleted = _cli.Run("card", "delete", "alice");
        CliResult missing = _cli.Run("card", "delete", "alice");

        Assert.Equal(0, deleted.ExitCode);
        Assert.Equal("Deleted card 'alice'.\n", deleted.Stdout);
        Assert.Equal(ExitCodes.Unavailable, missing.ExitCode);
        Assert.Contains("there is no emulated card named 'alice'", missing.SingleErrorLine());
    }

    [Fact]
    public void Personalise_works_on_a_blank_card_in_a_pcsc_reader()
    {
        _home.InitIssuer();
        var blank = new EmulatedCard(CardProfile.FromSeed(InterfaceProfile.ContactT0, 3));
        blank.Install(PurseAid.Value, "SmartCardCash.Purse", PurseApplet.Factory, PurseApplet.PersistentMemorySize);
        blank.PowerOn();
        FakeCard reader = _cli.AddCard("Virtual PCD 00 00", bytes => blank.Transmit(bytes));

        CliResult result = _cli.Run("card", "personalise", "--card", "pcsc:pcd 00 00", "--class", "merchant", "--currency", "CHF",
            "--lock-code", "1234", "--json");

        Assert.Equal(0, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("pcsc:Virtual PCD 00 00", json.RootElement.GetProperty("address").GetString());
        Assert.Equal("merchant", json.RootElement.GetProperty("class").GetString());
        Assert.Contains(reader.Sent, apdu => apdu.StartsWith("80460000", StringComparison.Ordinal));
        Assert.Equal(1, reader.EndedTransactionCount);
        Assert.Equal(1, reader.DisconnectCount);
        CliResult info = _cli.Run("info", "--card", "pcsc:Virtual PCD 00 00", "--json");
        Assert.Contains("\"lifecycle\": \"issued\"", info.Stdout);
    }

    [Fact]
    public void Personalise_of_an_issued_purse_is_refused_by_the_card()
    {
        _home.BankAndAlice();

        CliResult result = _cli.Run("card", "personalise", "-c", "alice", "--class", "bank", "--currency", "EUR", "--lock-code", "1234");

        Assert.Equal(ExitCodes.CardError, result.ExitCode);
        Assert.Contains("alice is not blank", result.SingleErrorLine());
    }
}
