namespace SmartCardCash.Integration.Tests;

/// <summary>
/// `scc` as a separate process pointed at a pcscd socket that does not exist: the real libpcsclite answers
/// SCARD_E_NO_SERVICE, and scc must turn that into one plain line and exit 3. Needs no pcscd and no root.
/// </summary>
public sealed class NoPcscdProcessTests
{
    private const string NoServiceLine = "scc: the PC/SC service is not running (start pcscd) [SCARD_E_NO_SERVICE]";

    private static string NowhereSocket() =>
        Path.Combine(Path.GetTempPath(), $"scc-no-pcscd-{Guid.NewGuid():N}", "pcscd.comm");

    [LibpcscliteFact]
    public void Readers_without_a_pcscd_prints_one_clear_line_and_exits_3()
    {
        SccResult result = SccProcess.Run(NowhereSocket(), "readers");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Empty(result.Stdout);
        Assert.Equal(NoServiceLine, Assert.Single(result.Stderr));
    }

    [LibpcscliteFact]
    public void Readers_json_without_a_pcscd_still_exits_3_with_one_line_and_no_stack_trace()
    {
        SccResult result = SccProcess.Run(NowhereSocket(), "readers", "--json");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.DoesNotContain(result.Stderr, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        Assert.Contains("SCARD_E_NO_SERVICE", string.Join("\n", result.Stdout.Concat(result.Stderr)));
    }

    [LibpcscliteFact]
    public void Apdu_without_a_pcscd_prints_one_clear_line_and_exits_3()
    {
        SccResult result = SccProcess.Run(NowhereSocket(), "apdu", "--reader", "Virtual PCD 00 00", "00A4040000");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Equal(NoServiceLine, Assert.Single(result.Stderr));
    }
}
