using System.Text.Json;
using SmartCardCash.Cli.Tests.Support;

namespace SmartCardCash.Cli.Tests;

/// <summary>The files that hold a bank secret: an API key or a holder's credential others may read is refused (exit
/// 7), a folder or a key that cannot travel in a header is a usage error (exit 2), never sent; a holder's credential
/// that could not be saved is never asked of the bank, and a lost one is reissued.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class BankSecretFileTests : TemporaryHomeTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public void A_key_or_credential_file_other_users_may_read_is_refused_with_exit_7_and_chmod_600()
    {
        _cli.Environment["SCC_BANK_URL"] = $"http://127.0.0.1:{BankServer.UnusedPort()}/";
        string key = Secret("open.key", "scc_0123456789abcdef_" + new string('0', 64), OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        string credential = Secret("open.credential", "scch_" + new string('0', 64), OwnerOnly | UnixFileMode.GroupRead);

        CliResult keyResult = _cli.Run("bank", "audit", "--key-file", key);
        CliResult credentialResult = _cli.Run("load", "--card", "alice", "--account", "customer.alice", "--amount", "1", "--currency", "EUR",
            "--holder-credential-file", credential);

        Assert.Equal((7, $"scc: --key-file: {key} is open to other users (mode 0644); make it private with 'chmod 600 {key}'"),
            (keyResult.ExitCode, keyResult.SingleErrorLine()));
        Assert.Equal((7, $"scc: --holder-credential-file: {credential} is open to other users (mode 0640); make it private with 'chmod 600 {credential}'"),
            (credentialResult.ExitCode, credentialResult.SingleErrorLine()));
    }

    [Fact]
    public void A_key_file_that_is_a_folder_or_a_key_with_whitespace_or_non_ASCII_inside_is_a_usage_error_never_sent()
    {
        _cli.Environment["SCC_BANK_URL"] = $"http://127.0.0.1:{BankServer.UnusedPort()}/";
        string folder = Path.Combine(_home.Path, "keys");
        Directory.CreateDirectory(folder);

        CliResult isFolder = _cli.Run("bank", "audit", "--key-file", folder);
        CliResult accented = _cli.Run("bank", "audit", "--key-file", Secret("accented.key", "scc_0123é", OwnerOnly));
        CliResult spaced = _cli.Run("bank", "audit", "--key-file", Secret("spaced.key", "scc_01 23", OwnerOnly));
        CliResult empty = _cli.Run("bank", "audit", "--key-file", Secret("empty.key", "\n", OwnerOnly));
        CliResult credential = _cli.Run("load", "--card", "alice", "--account", "customer.alice", "--amount", "1", "--currency", "EUR",
            "--holder-credential-file", Secret("tab.credential", "scch_\t00", OwnerOnly));
        _cli.Environment["SCC_BANK_KEY"] = "scc_ключ";
        CliResult variable = _cli.Run("bank", "audit");

        Assert.Equal((2, $"scc: --key-file: {folder} is a folder, not a file"), (isFolder.ExitCode, isFolder.SingleErrorLine()));
        foreach (CliResult result in new[] { accented, spaced, empty, credential, variable })
        {
            string line = result.SingleErrorLine();
            Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}: {line}");
            Assert.DoesNotContain("cannot be reached", line, StringComparison.Ordinal);
        }
        Assert.Contains("does not hold an API key", accented.SingleErrorLine(), StringComparison.Ordinal);
        Assert.Contains("does not hold an API key", spaced.SingleErrorLine(), StringComparison.Ordinal);
        Assert.Contains("does not hold an API key", empty.SingleErrorLine(), StringComparison.Ordinal);
        Assert.Contains("does not hold an account holder's credential", credential.SingleErrorLine(), StringComparison.Ordinal);
        Assert.Equal("scc: $SCC_BANK_KEY does not hold an API key (one word of printable ASCII)", variable.SingleErrorLine());
    }

    [Fact]
    public void An_account_whose_credential_cannot_be_saved_is_not_opened_and_a_lost_credential_is_reissued()
    {
        using BackgroundScc serve = BankServer.Serve(_cli);

        CliResult unsaved = _cli.Run("bank", "account", "open", "customer.zz3", "--kind", "customer", "--currency", "EUR",
            "--credential-file", "/proc/nope/x.cred");
        CliResult missing = _cli.Run("bank", "account", "show", "customer.zz3");
        CliResult opened = _cli.Run("bank", "account", "open", "customer.zz3", "--kind", "customer", "--currency", "EUR");
        string first = Path.Combine(_home.Path, "bank", "credentials", "customer.zz3.credential");
        string oldCredential = File.ReadAllText(first);
        CliResult refused = _cli.Run("bank", "account", "reissue-credential", "customer.zz3", "--credential-file", "/proc/nope/x.cred");
        CliResult reissued = _cli.Run("bank", "account", "reissue-credential", "customer.zz3", "--json");
        CliResult unknown = _cli.Run("bank", "account", "reissue-credential", "customer.nobody");

        Assert.Equal(7, unsaved.ExitCode);
        Assert.StartsWith("scc: --credential-file: the holder's credential cannot be saved in /proc/nope/x.cred (", unsaved.SingleErrorLine());
        Assert.EndsWith("), so the bank was not asked for it", unsaved.SingleErrorLine());
        Assert.Equal((2, "scc: the bank refused the request (id): there is no account customer.zz3"), (missing.ExitCode, missing.SingleErrorLine()));
        Assert.Equal((0, ""), (opened.ExitCode, opened.Stderr));
        Assert.Equal(7, refused.ExitCode);
        Assert.Equal((0, ""), (reissued.ExitCode, reissued.Stderr));
        string saved = JsonDocument.Parse(reissued.Stdout).RootElement.GetProperty("credentialFile").GetString()!;
        Assert.Equal(first, saved); // the dead credential's file now holds the new one, where 'scc load' looks
        Assert.Matches("^scch_[0-9a-f]{64}\n$", File.ReadAllText(saved));
        Assert.NotEqual(oldCredential, File.ReadAllText(saved));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(saved));
        Assert.DoesNotContain("scch_", reissued.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no customer or merchant account customer.nobody", unknown.SingleErrorLine(), StringComparison.Ordinal);
    }

    private string Secret(string name, string content, UnixFileMode mode)
    {
        string path = Path.Combine(_home.Path, name);
        File.WriteAllText(path, content);
        File.SetUnixFileMode(path, mode);
        return path;
    }
}
