using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using SmartCardCash.Cli.Tests.Support;

namespace SmartCardCash.Cli.Tests;

/// <summary>scc bank end to end: <c>scc bank serve</c> in process on a free loopback port, and the operators' commands
/// against it, with their output, exit codes and the files that hold secrets.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class BankCommandTests : TemporaryHomeTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public void Serve_prints_its_address_and_on_the_first_start_only_the_operator_key_which_it_saves_0600()
    {
        string keyFile = Path.Combine(_home.Path, "bank", "operator.key");
        string key;
        using (var first = new BackgroundScc(_cli, "bank", "serve", "--listen", "127.0.0.1:0"))
        {
            Assert.Matches("^The bank is listening on http://127.0.0.1:[0-9]+/ \\(SQLite file .*bank.db\\)\\.$",
                first.WaitForLine("listening on"));
            first.WaitForLine("Stop it with Ctrl+C.");
            key = first.Stdout.Split('\n').Single(l => l.StartsWith("scc_", StringComparison.Ordinal));
            first.Interrupt();
            Assert.Equal(0, first.WaitForExit());
        }
        using var second = new BackgroundScc(_cli, "bank", "serve", "--listen", "127.0.0.1:0");
        second.WaitForLine("Stop it with Ctrl+C.");

        Assert.Equal(key + "\n", File.ReadAllText(keyFile));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(keyFile));
        Assert.Contains("shown on the first start", second.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("scc_", second.Stdout, StringComparison.Ordinal);
        Assert.Equal("", second.Stderr);
    }

    [Fact]
    public void The_operator_opens_accounts_takes_cash_in_once_per_request_audits_and_manages_keys()
    {
        using BackgroundScc serve = Serve();

        CliResult alice = _cli.Run("bank", "account", "open", "customer.alice", "--kind", "customer", "--currency", "EUR");
        CliResult shop = _cli.Run("bank", "account", "open", "merchant.shop", "--kind", "merchant", "--currency", "EUR",
            "--fee-bp", "150", "--fee-fixed", "0.10", "--json");
        CliResult again = _cli.Run("bank", "account", "open", "customer.alice", "--kind", "customer", "--currency", "EUR");
        CliResult cashIn = _cli.Run("bank", "cash-in", "--account", "customer.alice", "--amount", "50.00", "--currency", "EUR", "--request-id", "till-1/1");
        CliResult retry = _cli.Run("bank", "cash-in", "--account", "customer.alice", "--amount", "50.00", "--currency", "EUR", "--request-id", "till-1/1", "--json");
        CliResult show = _cli.Run("bank", "account", "show", "customer.alice");
        CliResult list = _cli.Run("bank", "account", "list", "--currency", "EUR", "--json");
        CliResult audit = _cli.Run("bank", "audit");
        CliResult auditJson = _cli.Run("bank", "audit", "--json");

        Assert.All([alice, shop, again, cashIn, retry, show, list, audit, auditJson], r => Assert.Equal((0, ""), (r.ExitCode, r.Stderr)));
        string credentialFile = Path.Combine(_home.Path, "bank", "credentials", "customer.alice.credential");
        Assert.Contains($"The holder's credential is in {credentialFile} (mode 0600)", alice.Stdout, StringComparison.Ordinal);
        Assert.Matches("^scch_[0-9a-f]{64}\n$", File.ReadAllText(credentialFile));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(credentialFile));
        Assert.DoesNotContain("scch_", alice.Stdout + shop.Stdout, StringComparison.Ordinal);
        using (JsonDocument opened = JsonDocument.Parse(shop.Stdout))
        {
            Assert.Equal(150, opened.RootElement.GetProperty("account").GetProperty("fee").GetProperty("basisPoints").GetInt32());
            Assert.EndsWith("merchant.shop.credential", opened.RootElement.GetProperty("credentialFile").GetString(), StringComparison.Ordinal);
        }
        Assert.Contains("was open already", again.Stdout, StringComparison.Ordinal);
        Assert.Equal("Credited EUR 50.00 in cash to customer.alice (cash-in till-1/1).\n", cashIn.Stdout);
        Assert.True(JsonDocument.Parse(retry.Stdout).RootElement.GetProperty("alreadyRecorded").GetBoolean());
        Assert.Contains("EUR 50.00", show.Stdout, StringComparison.Ordinal);
        Assert.Equal(8, JsonDocument.Parse(list.Stdout).RootElement.GetProperty("accounts").GetArrayLength());
        Assert.Contains("The books balance: 8 accounts, 1 transfer;", audit.Stdout, StringComparison.Ordinal);
        Assert.True(JsonDocument.Parse(auditJson.Stdout).RootElement.GetProperty("balanced").GetBoolean());
    }

    [Fact]
    public void A_merchant_terminal_key_is_saved_0600_sees_its_own_account_only_and_stops_working_once_revoked()
    {
        using BackgroundScc serve = Serve();
        _cli.Run("bank", "account", "open", "merchant.shop", "--kind", "merchant", "--currency", "EUR", "--fee-bp", "0");
        _cli.Run("bank", "account", "open", "merchant.rival", "--kind", "merchant", "--currency", "EUR", "--fee-bp", "0");
        string keyFile = Path.Combine(_home.Path, "shop.key");

        CliResult issued = _cli.Run("bank", "key", "issue", "--role", "merchant-terminal", "--merchant-account", "merchant.shop",
            "--out", keyFile, "--json");
        string keyId = JsonDocument.Parse(issued.Stdout).RootElement.GetProperty("key").GetProperty("id").GetString()!;
        CliResult own = _cli.Run("bank", "account", "show", "merchant.shop", "--key-file", keyFile);
        CliResult rival = _cli.Run("bank", "account", "show", "merchant.rival", "--key-file", keyFile);
        CliResult audit = _cli.Run("bank", "audit", "--key-file", keyFile);
        CliResult keys = _cli.Run("bank", "key", "list", "--json");
        CliResult revoke = _cli.Run("bank", "key", "revoke", keyId);
        CliResult revoked = _cli.Run("bank", "account", "show", "merchant.shop", "--key-file", keyFile);

        Assert.Equal(0, issued.ExitCode);
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(keyFile));
        string secret = File.ReadAllText(keyFile).Trim()[^64..];
        Assert.DoesNotContain(secret, issued.Stdout + keys.Stdout + revoke.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, own.ExitCode);
        Assert.Equal(6, rival.ExitCode);
        Assert.Equal("scc: the bank refused the request: API key " + keyId + " acts for account merchant.shop only, not for merchant.rival",
            rival.SingleErrorLine());
        Assert.Equal(6, audit.ExitCode);
        Assert.Contains("needs operator", audit.SingleErrorLine(), StringComparison.Ordinal);
        Assert.Equal(2, JsonDocument.Parse(keys.Stdout).RootElement.GetProperty("keys").GetArrayLength());
        Assert.Equal(0, revoke.ExitCode);
        Assert.Equal(6, revoked.ExitCode);
        Assert.Contains("was revoked", revoked.SingleErrorLine(), StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_input_and_refused_requests_are_one_line_with_their_exit_code()
    {
        using BackgroundScc serve = Serve();
        _cli.Run("bank", "account", "open", "customer.alice", "--kind", "customer", "--currency", "EUR");
        _cli.Run("bank", "cash-in", "--account", "customer.alice", "--amount", "5", "--currency", "EUR", "--request-id", "r1");

        (CliResult Result, int Code, string Says)[] cases =
        [
            (_cli.Run("bank", "cash-in", "--account", "customer.alice", "--amount", "0", "--currency", "EUR", "--request-id", "r2"), 2, "--amount"),
            (_cli.Run("bank", "cash-in", "--account", "customer.alice", "--amount", "6", "--currency", "EUR", "--request-id", "r1"), 2, "already exists"),
            (_cli.Run("bank", "cash-in", "--account", "customer.alice", "--amount", "6", "--currency", "GBP", "--request-id", "r3"), 2, "is in EUR, not GBP"),
            (_cli.Run("bank", "cash-in", "--account", "customer bob", "--amount", "6", "--currency", "EUR", "--request-id", "r4"), 2, "account: an account ID 'customer bob' has a character"),
            (_cli.Run("bank", "account", "show", "customer.nobody"), 2, "there is no account customer.nobody"),
            (_cli.Run("bank", "account", "open", "customer.alice", "--kind", "saver", "--currency", "EUR"), 2, "--kind"),
            (_cli.Run("bank", "account", "open", "merchant.x", "--kind", "merchant", "--currency", "EUR"), 2, "--fee-bp"),
            (_cli.Run("bank", "key", "issue", "--role", "terminal", "--merchant-account", "merchant.x"), 2, "--merchant-account"),
            (_cli.Run("bank", "key", "issue", "--role", "operator", "--merchant-account", "merchant.x"), 2, "acts for an account, not an operator key"),
            (_cli.Run("bank", "audit", "--bank", "ftp://bank"), 2, "--bank"),
            (_cli.Run("bank", "audit", "--key-file", Path.Combine(_home.Path, "none.key")), 2, "does not exist"),
            (_cli.Run("bank", "audit", "--bank", $"http://127.0.0.1:{UnusedPort()}/"), 3, "cannot be reached"),
        ];
        _cli.Environment["SCC_BANK_KEY"] = "scc_0123456789abcdef_" + new string('0', 64);
        CliResult unknownKey = _cli.Run("bank", "audit");

        foreach ((CliResult result, int code, string says) in cases)
        {
            string line = result.SingleErrorLine();
            Assert.True(code == result.ExitCode, $"exit {result.ExitCode}: {line}");
            Assert.Contains(says, line, StringComparison.Ordinal);
        }
        Assert.Equal(6, unknownKey.ExitCode);
        Assert.Equal("scc: the bank refused the request: API key 0123456789abcdef is not one this bank issued", unknownKey.SingleErrorLine());
    }

    [Fact]
    public void Without_a_key_or_with_an_unreachable_database_the_commands_say_what_to_do()
    {
        _cli.Environment["SCC_BANK_URL"] = $"http://127.0.0.1:{UnusedPort()}/";

        CliResult noKey = _cli.Run("bank", "audit");
        CliResult noDatabase = _cli.Run("bank", "serve", "--listen", "127.0.0.1:0", "--db", $"postgres://bank:secret@127.0.0.1:{UnusedPort()}/bank");

        Assert.Equal(2, noKey.ExitCode);
        Assert.Contains("no API key: give --key-file FILE or set SCC_BANK_KEY", noKey.SingleErrorLine(), StringComparison.Ordinal);
        Assert.Equal(3, noDatabase.ExitCode);
        Assert.Contains("cannot be reached", noDatabase.SingleErrorLine(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret", noDatabase.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_refuses_a_purse_image_key_file_others_can_read_or_one_its_purses_were_not_sealed_with_exit_7()
    {
        Assert.Equal(0, _cli.Run("issuer", "init").ExitCode);
        string keyFile = Path.Combine(_home.Path, "bank", "purse-images.key");
        using (BackgroundScc serve = Serve())
        {
            Assert.Equal(0, _cli.Run("bank", "purses", "provision", "--currency", "EUR").ExitCode);
        }
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(keyFile));
        string key = File.ReadAllText(keyFile);

        File.SetUnixFileMode(keyFile, OwnerOnly | UnixFileMode.GroupRead);
        CliResult open = _cli.Run("bank", "serve", "--listen", "127.0.0.1:0");
        File.SetUnixFileMode(keyFile, OwnerOnly);
        File.WriteAllText(keyFile, Convert.ToHexStringLower(new byte[32]) + "\n");
        CliResult other = _cli.Run("bank", "serve", "--listen", "127.0.0.1:0");

        Assert.Equal((7, 7), (open.ExitCode, other.ExitCode));
        Assert.Contains("is open to other users (mode 640)", open.SingleErrorLine(), StringComparison.Ordinal);
        Assert.Contains("'s image does not open with purse image key", other.SingleErrorLine(), StringComparison.Ordinal);
        Assert.DoesNotContain(key.Trim(), open.Stderr + other.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_with_verbose_logs_refusals_and_keys_by_ID_and_never_a_secret()
    {
        using BackgroundScc serve = Serve("--verbose");
        CliResult issued = _cli.Run("bank", "key", "issue", "--role", "terminal", "--json");
        string keyId = JsonDocument.Parse(issued.Stdout).RootElement.GetProperty("key").GetProperty("id").GetString()!;
        string secret = File.ReadAllText(Path.Combine(_home.Path, "bank", "keys", $"{keyId}.key")).Trim();
        _cli.Environment["SCC_BANK_KEY"] = secret;
        CliResult refused = _cli.Run("bank", "audit");
        serve.Interrupt();
        Assert.Equal(0, serve.WaitForExit());

        Assert.Equal(6, refused.ExitCode);
        Assert.Contains($"key {keyId} (Terminal) issued by key", serve.Stderr, StringComparison.Ordinal);
        Assert.Contains("GET /v1/audit refused: WrongRole", serve.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(secret[^64..], serve.Stderr + serve.Stdout, StringComparison.Ordinal);
        string operatorSecret = File.ReadAllText(Path.Combine(_home.Path, "bank", "operator.key")).Trim()[^64..];
        Assert.DoesNotContain(operatorSecret, serve.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_address_already_in_use_is_a_usage_error()
    {
        var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            CliResult result = _cli.Run("bank", "serve", "--listen", $"127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}");

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("--listen: cannot listen on 127.0.0.1:", result.SingleErrorLine(), StringComparison.Ordinal);
        }
        finally
        {
            taken.Stop();
        }
    }

    private BackgroundScc Serve(params string[] options) => BankServer.Serve(_cli, options);

    private static int UnusedPort() => BankServer.UnusedPort();
}
