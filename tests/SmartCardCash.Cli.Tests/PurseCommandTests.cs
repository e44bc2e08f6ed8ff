using System.Text.Json;
using Moq;
using SmartCardCash.CardAccess;
using SmartCardCash.Cli.Tests.Support;
using SmartCardCash.Iso7816;

namespace SmartCardCash.Cli.Tests;

/// <summary>info, balance, log, lock, unlock, lockcode and mint against emulated cards in a temporary home.</summary>
public sealed class PurseCommandTests : TemporaryHomeTests
{
    public PurseCommandTests() => _home.BankAndAlice();

    [Fact]
    public void Info_shows_identity_state_and_pockets()
    {
        CliResult result = _cli.Run("info", "--card", "bank");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Assert.Contains("│ Card                 │ bank (emu:bank)", result.Stdout);
        Assert.Contains("│ Purse ID             │ 5343430A00000001", result.Stdout);
        Assert.Contains("│ Issuer counter       │ 1 ", result.Stdout);
        Assert.Contains("│ Lock code            │ 3 tries left", result.Stdout);
        Assert.Contains("│ EUR      │ 1000.00 │", result.Stdout);
    }

    [Fact]
    public void Info_json_has_one_stable_shape()
    {
        CliResult result = _cli.Run("info", "-c", "emu:alice", "--json");

        Assert.Equal(0, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        JsonElement root = json.RootElement;
        Assert.Equal(
            ["card", "address", "appletVersion", "purseId", "issuerId", "class", "lifecycle", "transferState",
                "nextSequenceNumber", "issuerCounter", "locked", "lockCodeVerified", "lockCodeBlocked", "lockCodeTries",
                "exceptionLog", "transactionLog", "pockets", "certificateEffective", "certificateExpiry", "certificateExpired",
                "trustedDate"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("5343430A00000002", root.GetProperty("purseId").GetString());
        Assert.Equal("idle", root.GetProperty("transferState").GetString());
        Assert.Equal(16, root.GetProperty("exceptionLog").GetProperty("capacity").GetInt32());
        Assert.Equal("500.00", root.GetProperty("pockets")[0].GetProperty("maximumBalance").GetProperty("amount").GetString());
    }

    [Fact]
    public void Balance_needs_no_lock_code_and_scc_card_is_the_default_card()
    {
        _home.Pay("bank", "alice", 1_250);
        _cli.Environment["SCC_CARD"] = "alice";

        CliResult human = _cli.Run("balance");
        CliResult json = _cli.Run("balance", "--json");

        Assert.Equal(0, human.ExitCode);
        Assert.Contains("│ EUR      │   12.50 │", human.Stdout);
        using JsonDocument document = JsonDocument.Parse(json.Stdout);
        JsonElement eur = document.RootElement.GetProperty("balances")[0];
        Assert.Equal("EUR", eur.GetProperty("currency").GetString());
        Assert.Equal("12.50", eur.GetProperty("amount").GetString());
        Assert.Equal(1_250, eur.GetProperty("minorUnits").GetInt32());
    }

    [Fact]
    public void Log_shows_the_transactions_most_recent_first()
    {
        _home.Pay("bank", "alice", 1_250);

        CliResult human = _cli.Run("log", "--card", "bank");
        CliResult json = _cli.Run("log", "--card", "bank", "--transactions", "--json");

        Assert.Equal(0, human.ExitCode);
        Assert.Contains("│ 0 │ sent   │ 5343430A00000002 │   EUR 12.50 │", human.Stdout);
        Assert.Contains("│ 1 │ minted │ issuer", human.Stdout);
        using JsonDocument document = JsonDocument.Parse(json.Stdout);
        JsonElement records = document.RootElement.GetProperty("transactions");
        Assert.Equal("sent", records[0].GetProperty("type").GetString());
        Assert.Equal("987.50", records[0].GetProperty("balanceAfter").GetProperty("amount").GetString());
        Assert.Equal(JsonValueKind.Null, records[1].GetProperty("counterparty").ValueKind);
    }

    [Fact]
    public void Log_pending_shows_a_transfer_in_flight_without_touching_it()
    {
        _home.StartAndDrop("bank", "alice", 300);

        CliResult pending = _cli.Run("log", "-c", "alice", "--pending", "--json");
        CliResult human = _cli.Run("log", "-c", "alice", "--pending");

        using JsonDocument before = JsonDocument.Parse(pending.Stdout);
        Assert.Equal("epv", before.RootElement.GetProperty("transferState").GetString());
        Assert.Equal("req", before.RootElement.GetProperty("pendingMessage").GetString());
        Assert.Equal("3.00", before.RootElement.GetProperty("payment").GetProperty("amount").GetProperty("amount").GetString());
        Assert.Contains("│ Pending message  │ req (RESUME re-sends it)", human.Stdout);
        Assert.Equal(Purse.Spec.TransferState.ExpectingVal, PaymentCards.State(_home, "alice"));
    }

    [Fact]
    public void Log_pending_on_an_idle_purse_says_no_transfer_is_in_progress()
    {
        _home.Pay("bank", "alice", 300);

        CliResult payee = _cli.Run("log", "-c", "alice", "--pending");
        CliResult fresh = _cli.Run("card", "new", "carol", "--class", "customer", "--currency", "EUR", "--lock-code", "1234");
        CliResult untouched = _cli.Run("log", "-c", "carol", "--pending");

        Assert.Equal(0, fresh.ExitCode);
        Assert.Contains("│ Transfer state   │ idle", payee.Stdout);
        Assert.Contains("│ Pending message  │ none: no transfer in progress (RESUME would only re-send the last transfer's ack)",
            payee.Stdout);
        Assert.Contains("│ Pending message │ none: no transfer in progress, RESUME has nothing to re-send", untouched.Stdout);
    }

    [Fact]
    public void Log_takes_one_kind_at_a_time_and_its_help_warns_about_the_abort()
    {
        CliResult both = _cli.Run("log", "-c", "alice", "--exceptions", "--pending");
        CliResult stray = _cli.Run("log", "-c", "alice", "--abort-transfer");
        CliResult help = _cli.Run("log", "--help");

        Assert.Equal(ExitCodes.UsageError, both.ExitCode);
        Assert.Contains("choose one of --transactions, --exceptions and --pending", both.SingleErrorLine());
        Assert.Equal(ExitCodes.UsageError, stray.ExitCode);
        Assert.Equal("scc: --abort-transfer goes with --exceptions: only reading the exception log aborts a transfer",
            stray.SingleErrorLine());
        Assert.Contains("aborts a transfer in progress before it reads this log", help.Stdout);
        Assert.Contains("--abort-transfer", help.Stdout);
    }

    [Fact]
    public void Lock_and_unlock_with_the_code_from_each_source()
    {
        CliResult locked = _cli.Run("lock", "-c", "alice", "--code", PurseHome.LockCode);
        _cli.StdinText = PurseHome.LockCode + "\n";
        CliResult unlocked = _cli.Run("unlock", "-c", "alice", "--code", "-", "--json");
        _cli.Environment["SCC_LOCK_CODE"] = PurseHome.LockCode;
        CliResult lockedAgain = _cli.Run("lock", "-c", "alice");

        Assert.Equal(0, locked.ExitCode);
        Assert.Equal("alice is locked: it can receive and be read, but pays nothing until 'scc unlock'.\n", locked.Stdout);
        using JsonDocument json = JsonDocument.Parse(unlocked.Stdout);
        Assert.Equal("unlocked", json.RootElement.GetProperty("action").GetString());
        Assert.False(json.RootElement.GetProperty("locked").GetBoolean());
        Assert.Equal(0, lockedAgain.ExitCode);
        Assert.Contains("│ Locked               │ yes", _cli.Run("info", "-c", "alice").Stdout);
    }

    [Fact]
    public void A_wrong_lock_code_is_one_line_with_the_tries_left_and_exit_1()
    {
        CliResult result = _cli.Run("unlock", "-c", "alice", "--code", "9999");

        Assert.Equal(ExitCodes.CardError, result.ExitCode);
        Assert.Equal("scc: wrong lock code, 2 tries left", result.SingleErrorLine());
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void A_blocked_lock_code_says_the_issuer_must_reset_it()
    {
        for (int i = 0; i < 3; i++)
        {
            _cli.Run("lock", "-c", "alice", "--code", "0000");
        }

        CliResult result = _cli.Run("lock", "-c", "alice", "--code", PurseHome.LockCode);

        Assert.Equal(ExitCodes.CardError, result.ExitCode);
        Assert.Contains("lock code is blocked", result.SingleErrorLine());
    }

    [Fact]
    public void Without_a_lock_code_or_a_terminal_the_command_says_how_to_give_one()
    {
        CliResult result = _cli.Run("lock", "-c", "alice");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Equal("scc: a lock code is needed: give --code CODE, set SCC_LOCK_CODE, or pipe it in with --code -",
            result.SingleErrorLine());
    }

    [Fact]
    public void At_a_terminal_the_lock_code_is_asked_at_a_hidden_prompt()
    {
        _cli.IsInputTerminal = true;
        _cli.SecretAnswers.Enqueue(PurseHome.LockCode);

        CliResult result = _cli.Run("lock", "-c", "alice");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Lock code: "], _cli.Prompts);
    }

    [Fact]
    public void Lockcode_changes_the_code_from_stdin_lines()
    {
        _cli.StdinText = "1234\n97531\n";

        CliResult result = _cli.Run("lockcode", "-c", "alice", "--code", "-", "--new-code", "-");
        CliResult oldCode = _cli.Run("lock", "-c", "alice", "--code", "1234");
        CliResult newCode = _cli.Run("lock", "-c", "alice", "--code", "97531");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("alice: the lock code is changed (3 tries).\n", result.Stdout);
        Assert.Equal(ExitCodes.CardError, oldCode.ExitCode);
        Assert.Equal(0, newCode.ExitCode);
    }

    [Fact]
    public void Lockcode_with_a_wrong_current_code_costs_a_try_and_changes_nothing()
    {
        CliResult result = _cli.Run("lockcode", "-c", "alice", "--code", "9999", "--new-code", "97531");

        Assert.Equal(ExitCodes.CardError, result.ExitCode);
        Assert.Equal("scc: wrong lock code, 2 tries left", result.SingleErrorLine());
        Assert.Equal("", result.Stdout);
        Assert.Equal(ExitCodes.CardError, _cli.Run("lock", "-c", "alice", "--code", "97531").ExitCode);
        Assert.Equal(0, _cli.Run("lock", "-c", "alice", "--code", PurseHome.LockCode).ExitCode);
    }

    [Theory]
    [InlineData("12a4")]
    [InlineData("123")]
    [InlineData("123456789")]
    public void Lockcode_with_a_malformed_new_code_is_refused_before_the_card(string newCode)
    {
        CliResult result = _cli.Run("lockcode", "-c", "alice", "--code", PurseHome.LockCode, "--new-code", newCode);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Equal("scc: the lock code from --new-code is not 4 to 8 digits", result.SingleErrorLine());
        Assert.DoesNotContain(newCode, result.Stderr);
        Assert.Contains("│ Lock code            │ 3 tries left", _cli.Run("info", "-c", "alice").Stdout);
        Assert.Equal(0, _cli.Run("lock", "-c", "alice", "--code", PurseHome.LockCode).ExitCode);
    }

    [Fact]
    public void Lockcode_once_locked_out_says_only_the_issuer_can_reset_it_even_with_the_right_code()
    {
        CliResult[] wrong = [.. Enumerable.Range(0, 3).Select(_ => _cli.Run("lockcode", "-c", "alice", "--code", "0000", "--new-code", "97531"))];

        CliResult result = _cli.Run("lockcode", "-c", "alice", "--code", PurseHome.LockCode, "--new-code", "97531");

        Assert.Equal(["scc: wrong lock code, 2 tries left", "scc: wrong lock code, 1 try left",
            "scc: wrong lock code, no tries left: the lock code is now blocked and only the issuer can reset it"],
            wrong.Select(r => r.SingleErrorLine()));
        Assert.Equal(ExitCodes.CardError, result.ExitCode);
        Assert.Equal("scc: alice's lock code is blocked: no tries are left, only the issuer can reset it", result.SingleErrorLine());
    }

    [Fact]
    public void A_card_with_one_lock_code_try_says_try_not_tries()
    {
        CliResult result = _cli.Run("card", "new", "dave", "--class", "customer", "--currency", "EUR", "--lock-code", "2468",
            "--tries", "1");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(", lock code with 1 try, contact-t1.", result.Stdout);
        _cli.StdinText = "2468\n13579\n";
        Assert.Equal("dave: the lock code is changed (1 try).\n",
            _cli.Run("lockcode", "-c", "dave", "--code", "-", "--new-code", "-").Stdout);
    }

    [Theory]
    [InlineData("12a4", "the lock code from --code is not 4 to 8 digits")]
    [InlineData("123", "the lock code from --code is not 4 to 8 digits")]
    public void A_malformed_lock_code_is_refused_before_the_card_and_not_repeated(string code, string message)
    {
        CliResult result = _cli.Run("unlock", "-c", "alice", "--code", code);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Equal("scc: " + message, result.SingleErrorLine());
        Assert.DoesNotContain(code, result.Stderr);
        Assert.Contains("│ Lock code            │ 3 tries left", _cli.Run("info", "-c", "alice").Stdout);
    }

    [Fact]
    public void The_lock_code_never_appears_in_output_trace_or_verbose_diagnostics()
    {
        const string secret = "86420";
        _cli.StdinText = $"{PurseHome.LockCode}\n{secret}\n";

        var runs = new List<CliResult>
        {
            _cli.Run("card", "new", "carol", "--class", "customer", "--currency", "EUR", "--lock-code", secret, "--trace", "--verbose"),
            _cli.Run("lock", "-c", "carol", "--code", secret, "--trace", "--verbose"),
            _cli.Run("unlock", "-c", "carol", "--code", secret, "--trace", "--verbose", "--json"),
            _cli.Run("lock", "-c", "carol", "--code", "13579", "--trace", "--verbose"),
        };

        Assert.Equal([0, 0, 0, ExitCodes.CardError], runs.Select(r => r.ExitCode));
        string hex = Convert.ToHexString(System.Text.Encoding.ASCII.GetBytes(secret));
        string spaced = Hex.EncodeSpaced(System.Text.Encoding.ASCII.GetBytes(secret));
        foreach (CliResult run in runs)
        {
            string all = run.Stdout + run.Stderr;
            Assert.DoesNotContain(secret, all);
            Assert.DoesNotContain(hex, all);
            Assert.DoesNotContain(spaced, all);
            Assert.DoesNotContain("13579", all);
        }
        Assert.Contains("** redacted", runs[0].Stderr);
        Assert.Contains("80 DA 00 04", runs[0].Stderr);
        Assert.Contains("80 28 00 00", runs[1].Stderr);
    }

    [Fact]
    public void Mint_signs_sends_and_journals()
    {
        CliResult result = _cli.Run("mint", "--card", "bank", "--amount", "250", "--currency", "eur", "--json");

        Assert.Equal(0, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("250.00", json.RootElement.GetProperty("amount").GetProperty("amount").GetString());
        Assert.Equal("1250.00", json.RootElement.GetProperty("balance").GetProperty("amount").GetString());
        Assert.Equal(1u, json.RootElement.GetProperty("issuerCounter").GetUInt32());
        string[] journal = File.ReadAllLines(_home.Issuer.JournalPath);
        Assert.Equal(2, journal.Length);
        Assert.Contains("\"purse\":\"5343430A00000001\",\"currency\":\"EUR\",\"amount\":25000,\"counter\":1", journal[1]);
    }

    [Fact]
    public void Mint_into_a_customer_purse_is_the_cards_refusal_in_plain_words()
    {
        CliResult result = _cli.Run("mint", "--card", "alice", "--amount", "10", "--currency", "EUR");

        Assert.Equal(ExitCodes.CardError, result.ExitCode);
        Assert.Equal("scc: alice is a customer purse: value is minted into bank purses only", result.SingleErrorLine());
        Assert.Single(File.ReadAllLines(_home.Issuer.JournalPath));
    }

    [Theory]
    [InlineData("10", "XYZ", "'XYZ' is not a known currency")]
    [InlineData("-5", "EUR", "--amount: '-5' is negative")]
    [InlineData("1.234", "EUR", "--amount: '1.234' has more than 2 decimals")]
    [InlineData("12.5", "JPY", "JPY has no minor unit")]
    [InlineData("0", "EUR", "--amount: the amount must be more than EUR 0.00")]
    [InlineData("ten", "EUR", "--amount: 'ten' is not an amount")]
    public void Mint_with_a_bad_amount_or_currency_is_a_usage_error(string amount, string currency, string message)
    {
        CliResult result = _cli.Run("mint", "--card", "bank", "--amount", amount, "--currency", currency);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains(message, result.SingleErrorLine());
    }

    [Theory]
    [InlineData("42949672.96", "scc: --amount: EUR 42949672.96 is more than a purse can hold (EUR 42949672.95)")]
    [InlineData("0", "scc: --amount: the amount must be more than EUR 0.00")]
    public void Mint_of_an_amount_no_purse_holds_is_one_usage_line(string amount, string line)
    {
        CliResult result = _cli.Run("mint", "--card", "bank", "--amount", amount, "--currency", "EUR");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Equal(line, result.SingleErrorLine());
    }

    [Fact]
    public void Without_a_card_the_command_asks_which()
    {
        CliResult result = _cli.Run("info");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("which card? give --card", result.SingleErrorLine());
    }

    [Theory]
    [InlineData("emu:", ExitCodes.UsageError, "not a valid card name")]
    [InlineData("tcp://host", ExitCodes.UsageError, "has no port")]
    [InlineData("emu:bob", ExitCodes.Unavailable, "there is no emulated card named 'bob'; the cards are 'alice', 'bank'")]
    [InlineData("tcp://127.0.0.1:7700", ExitCodes.Unavailable, "remote cards (tcp://) are not available in this build")]
    [InlineData("pcsc:omnikey", ExitCodes.Unavailable, "no reader matches 'omnikey'")]
    [InlineData("bob", ExitCodes.Unavailable, "'bob' is neither an emulated card")]
    public void Card_addresses_that_lead_nowhere_say_why(string card, int exitCode, string message)
    {
        CliResult result = _cli.Run("balance", "--card", card);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains(message, result.SingleErrorLine());
    }

    [Fact]
    public void A_registered_remote_opener_serves_tcp_addresses()
    {
        var remote = new Mock<ICardOpener>();
        remote.Setup(r => r.Open(It.IsAny<CardAddress>())).Returns<CardAddress>(address =>
        {
            CardConnection local = _home.Cards.Open("alice");
            return new CardConnection(address, local.Channel, "remote alice", local);
        });
        _cli.ConfigureCards = opener => opener.Register(CardAddressKind.Remote, remote.Object);

        CliResult result = _cli.Run("balance", "--card", "tcp://127.0.0.1:7700", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"card\": \"remote alice\"", result.Stdout);
    }

    [Fact]
    public void A_card_open_in_another_process_is_local_data()
    {
        using CardConnection held = _home.Cards.Open("alice");

        CliResult result = _cli.Run("info", "-c", "alice");

        Assert.Equal(ExitCodes.LocalData, result.ExitCode);
        Assert.Contains("card 'alice' is in use by another process", result.SingleErrorLine());
    }

    [Fact]
    public void A_damaged_card_image_is_local_data()
    {
        string path = Path.Combine(_home.Path, "cards", "alice.card");
        byte[] image = File.ReadAllBytes(path);
        image[^5] ^= 0x55;
        File.WriteAllBytes(path, image);

        CliResult result = _cli.Run("balance", "-c", "alice");

        Assert.Equal(ExitCodes.LocalData, result.ExitCode);
        Assert.Contains("the image of card 'alice' is damaged", result.SingleErrorLine());
    }

    [Fact]
    public void The_root_help_documents_exit_code_7_and_the_purse_environment()
    {
        CliResult result = _cli.Run("--help");

        Assert.Contains("7    local data problem", result.Stdout);
        Assert.Contains("SCC_CARD", result.Stdout);
        Assert.Contains("SCC_LOCK_CODE", result.Stdout);
        Assert.Contains("SCC_HOME", result.Stdout);
    }

    [Fact]
    public void The_help_exit_lists_match_what_the_commands_do()
    {
        string root = _cli.Run("--help").Stdout;
        string pay = _cli.Run("pay", "--help").Stdout;

        Assert.Contains("a card name taken", root);
        Assert.Contains("an issuer that already exists, deleting a card that holds value", root);
        Assert.Contains("a card image damaged, unreadable, not writable or in use by another", root);
        Assert.Contains("the mint journal or the payment journal not writable (a payment's value has", root);
        Assert.Contains("scc log --exceptions and\n       scc mint refuse with 5 while a transfer is in progress", root);
        Assert.Contains("  2  bad options:", pay);
        Assert.Contains("  3  a card that is not there", pay);
        Assert.Contains("  7  local data: a card image damaged, unreadable, not writable or in use, the trust anchor or a hotlist", pay);
        Assert.Contains("SCC_LOCK_CODE is not read", pay);
        Assert.Contains("or the payment completed but its evidence could not be kept in the journal", pay);
    }
}
