using SmartCardCash.Cli.Tests.Support;

namespace SmartCardCash.Cli.Tests;

/// <summary>A database password never reaches a message, whatever it holds: an '@' in it, or given as a parameter.</summary>
public sealed class BankDatabasePasswordTests : TemporaryHomeTests
{
    [Theory]
    [InlineData("postgres://bank:S3CRET@pw@127.0.0.1:1/bank", "pw@")]
    [InlineData("postgres://bank:S3CRET@pw@127.0.0.1:99999/bank", "pw@")]
    [InlineData("postgres://bank:S3/CRET@pw@127.0.0.1:99999/bank", "CRET")]
    [InlineData("postgres://bank@127.0.0.1:99999/bank?sslmode=disable&password=S3CRET", "S3")]
    public void No_part_of_a_database_password_is_printed(string url, string part)
    {
        CliResult result = _cli.Run("bank", "serve", "--listen", "127.0.0.1:0", "--db", url);

        Assert.NotEqual(0, result.ExitCode);
        string line = result.SingleErrorLine();
        Assert.DoesNotContain("S3CRET", line, StringComparison.Ordinal);
        Assert.DoesNotContain(part, line, StringComparison.Ordinal);
    }
}
