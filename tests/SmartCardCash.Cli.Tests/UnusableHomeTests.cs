using SmartCardCash.Cli.Tests.Support;

namespace SmartCardCash.Cli.Tests;

/// <summary>
/// A SmartCardCash home (SCC_HOME, --home) that cannot hold scc's folders is local data (exit 7) said in one plain
/// sentence naming the path and why, never an internal error.
/// </summary>
public sealed class UnusableHomeTests : IDisposable
{
    private readonly CliHarness _cli = new();
    private readonly string _file;

    public UnusableHomeTests()
    {
        _file = Path.Combine(Path.GetTempPath(), "scc-cli-tests-file-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(_file, "not a folder\n");
        _cli.Environment["SCC_HOME"] = _file;
    }

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void Issuer_init_in_a_home_that_is_a_file()
    {
        CliResult result = _cli.Run("issuer", "init");

        Assert.Equal(ExitCodes.LocalData, result.ExitCode);
        Assert.Equal($"scc: the issuer folder {_file}/issuer cannot be created: {_file} is a file, not a folder; set SCC_HOME " +
            "to a folder you can write", result.SingleErrorLine());
    }

    [Fact]
    public void Card_new_in_a_home_that_is_a_file()
    {
        CliResult result = _cli.Run("card", "new", "alice", "--blank");

        Assert.Equal(ExitCodes.LocalData, result.ExitCode);
        Assert.Equal($"scc: card 'alice' cannot be created: the cards folder {_file}/cards cannot be made ({_file} is a file, " +
            "not a folder); set SCC_HOME to a folder you can write", result.SingleErrorLine());
    }

    [Fact]
    public void Demo_with_a_file_as_its_home_or_under_it()
    {
        CliResult direct = _cli.Run("demo", "--home", _file);
        CliResult below = _cli.Run("demo");

        Assert.Equal(ExitCodes.LocalData, direct.ExitCode);
        Assert.Equal($"scc: the demo folder {_file} cannot be used: it is a file, not a folder; choose another with --home",
            direct.SingleErrorLine());
        Assert.Equal(ExitCodes.LocalData, below.ExitCode);
        Assert.Equal($"scc: the demo folder {_file}/demo cannot be used: {_file} is a file, not a folder; choose another with --home",
            below.SingleErrorLine());
        Assert.Equal("not a folder\n", File.ReadAllText(_file));
    }

    [Fact]
    public void A_cards_folder_that_is_a_file_in_a_good_home()
    {
        string home = Path.Combine(Path.GetTempPath(), "scc-cli-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(home);
        try
        {
            File.WriteAllText(Path.Combine(home, "cards"), "");
            _cli.Environment["SCC_HOME"] = home;

            CliResult result = _cli.Run("card", "new", "alice", "--blank");

            Assert.Equal(ExitCodes.LocalData, result.ExitCode);
            Assert.Contains($"the cards folder {home}/cards cannot be made (it is a file, not a folder)", result.SingleErrorLine());
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }
}
