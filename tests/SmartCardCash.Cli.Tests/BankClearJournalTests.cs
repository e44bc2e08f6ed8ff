using System.Text.Json;
using SmartCardCash.Cli.Tests.Support;

namespace SmartCardCash.Cli.Tests;

/// <summary><c>scc bank clear</c>'s journal: a journal named that is not there is a usage error, not "no payments"; only
/// the start of an entry cut short by a crash is a torn line, skipped and counted; any other unreadable line is damaged
/// and said by its number. All refused before the bank is called.</summary>
public sealed class BankClearJournalTests : TemporaryHomeTests
{
    [Fact]
    public void A_journal_that_is_not_there_or_is_a_folder_is_a_usage_error()
    {
        _cli.Environment["SCC_BANK_URL"] = $"http://127.0.0.1:{BankServer.UnusedPort()}/";
        string missing = Path.Combine(_home.Path, "nonexist.jsonl");

        CliResult absent = _cli.Run("bank", "clear", "--journal", missing);
        CliResult folder = _cli.Run("bank", "clear", "--journal", _home.Path);

        Assert.Equal((2, $"scc: --journal: there is no journal file {missing}"), (absent.ExitCode, absent.SingleErrorLine()));
        Assert.Equal((2, $"scc: --journal: {_home.Path} is a folder, not a journal file"), (folder.ExitCode, folder.SingleErrorLine()));
        Assert.Equal("", absent.Stdout + folder.Stdout);
    }

    [Theory]
    [InlineData("hello, not a journal\n")]
    [InlineData("garbage\n{\"format\":1,\"rec")]
    [InlineData("{\"format\":1,\"recorded\":\"2026\0x\n")]
    public void A_line_that_is_not_the_start_of_an_entry_cut_short_is_damaged_not_torn(string content)
    {
        _cli.Environment["SCC_BANK_URL"] = $"http://127.0.0.1:{BankServer.UnusedPort()}/";
        string journal = Path.Combine(_home.Path, "payments.jsonl");
        File.WriteAllText(journal, content);

        CliResult result = _cli.Run("bank", "clear", "--journal", journal, "--key-file", KeyFile());

        Assert.Equal(7, result.ExitCode);
        Assert.StartsWith($"scc: the journal {journal} line 1 is damaged (not a journal entry (", result.SingleErrorLine());
        Assert.DoesNotContain("torn", result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Path: $", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"format\":1,\"recorded\":\"2026-11-25T12:00", 1)]
    [InlineData("{\"form", 1)]
    [InlineData("{\"format\":1,\"recorded\":\"2026-11-25\0\0\0\0", 1)]
    [InlineData("{\"format\":1,\"rec\n{\"format\":1,\"recorded\":\"20\n", 2)]
    public void The_start_of_an_entry_cut_short_by_a_crash_is_a_torn_line_skipped_and_counted(string content, int torn)
    {
        string journal = Path.Combine(_home.Path, "payments.jsonl");
        File.WriteAllText(journal, content);

        CliResult result = _cli.Run("bank", "clear", "--journal", journal, "--key-file", KeyFile(), "--json");

        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        Assert.Equal(torn, JsonDocument.Parse(result.Stdout).RootElement.GetProperty("tornLines").GetInt32());
    }

    private string KeyFile()
    {
        string path = Path.Combine(_home.Path, "terminal.key");
        File.WriteAllText(path, "scc_0123456789abcdef_" + new string('0', 64) + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return path;
    }
}
