using System.Text.Json;
using SmartCardCash.Cli.Commands;
using SmartCardCash.Cli.Tests.Support;
using SmartCardCash.Iso7816;
using SmartCardCash.Purse.Conformance;
using SmartCardCash.Purse.Conformance.Model;

namespace SmartCardCash.Cli.Tests;

/// <summary>scc conformance: the built-in vectors on in-memory purses, on a given card, and the report it prints.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ConformanceCommandTests : TemporaryHomeTests
{
    /// <summary>The file scc builds in: the repository's, so the counts below follow it.</summary>
    private static VectorFile Vectors { get; } = VectorFileJson.Load(RepositoryVectors);

    private static string RepositoryVectors
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                string candidate = Path.Combine(folder.FullName, "applet-spec", "vectors", "purse-v1.json");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
            throw new FileNotFoundException("applet-spec/vectors/purse-v1.json not found above the test folder");
        }
    }

    private static int VectorCount => Vectors.Cards.Sum(c => c.Vectors.Count);

    [Fact]
    public void By_default_every_script_passes_on_fresh_in_memory_purses()
    {
        CliResult result = _cli.Run("conformance");

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Empty(result.Stderr);
        string[] lines = result.StdoutLines;
        Assert.Equal("# purse-v1.json (built in): card scripts merchant, bank, customer on fresh in-memory emulated purses, contact", lines[0]);
        Assert.Equal(VectorCount, lines.Count(l => l.StartsWith("PASS ", StringComparison.Ordinal)));
        Assert.DoesNotContain(lines, l => l.StartsWith("FAIL", StringComparison.Ordinal));
        Assert.Equal("PASS merchant/001-select-fresh-purse", lines[1]);
        Assert.Equal($"{VectorCount} of {VectorCount} vectors passed, 0 failed.", lines[^1]);
    }

    [Fact]
    public void Json_gives_the_counts_and_every_vector()
    {
        CliResult result = _cli.Run("conformance", "--json");

        Assert.Equal(0, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        JsonElement root = json.RootElement;
        Assert.Equal(["vectors", "specification", "card", "interface", "scripts", "total", "passed", "failed", "results"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("purse-v1.json (built in)", root.GetProperty("vectors").GetString());
        Assert.Equal("contact", root.GetProperty("interface").GetString());
        Assert.Equal(["merchant", "bank", "customer"], root.GetProperty("scripts").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(VectorCount, root.GetProperty("total").GetInt32());
        Assert.Equal(VectorCount, root.GetProperty("passed").GetInt32());
        Assert.Equal(0, root.GetProperty("failed").GetInt32());
        JsonElement[] results = [.. root.GetProperty("results").EnumerateArray()];
        Assert.Equal(VectorCount, results.Length);
        Assert.All(results, r =>
        {
            Assert.True(r.GetProperty("passed").GetBoolean());
            Assert.Equal(JsonValueKind.Null, r.GetProperty("failure").ValueKind);
        });
        // Over contacts the steps marked contactless are skipped, and there are some.
        int contactlessSteps = Vectors.Cards.SelectMany(c => c.Vectors).SelectMany(v => v.Steps).Count(s => s.Interface == "contactless");
        Assert.True(contactlessSteps > 0);
        Assert.Equal(contactlessSteps, results.Sum(r => r.GetProperty("stepsSkipped").GetInt32()));
        Assert.Equal(["script", "id", "command", "title", "passed", "stepsPassed", "stepsSkipped", "failure"],
            results[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Script_runs_one_card_script_only()
    {
        CliResult result = _cli.Run("conformance", "--script", "bank", "--json", "--interface", "contactless");

        Assert.Equal(0, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("contactless", json.RootElement.GetProperty("interface").GetString());
        Assert.Equal(["bank"], json.RootElement.GetProperty("scripts").EnumerateArray().Select(e => e.GetString()));
        int bankVectors = Vectors.ForCard("bank").Cards[0].Vectors.Count;
        Assert.Equal(bankVectors, json.RootElement.GetProperty("total").GetInt32());
        Assert.All(json.RootElement.GetProperty("results").EnumerateArray(), r => Assert.Equal("bank", r.GetProperty("script").GetString()));
    }

    [Fact]
    public void A_blank_emulated_card_given_with_card_and_script_passes()
    {
        Assert.Equal(0, _cli.Run("card", "new", "blank", "--blank").ExitCode);

        CliResult result = _cli.Run("conformance", "--card", "emu:blank", "--script", "merchant");

        Assert.True(result.ExitCode == 0, result.Stdout);
        Assert.Equal("# purse-v1.json (built in): card scripts merchant on blank (emu:blank), contact", result.StdoutLines[0]);
        int merchantVectors = Vectors.ForCard("merchant").Cards[0].Vectors.Count;
        Assert.Equal($"{merchantVectors} of {merchantVectors} vectors passed, 0 failed.", result.StdoutLines[^1]);
    }

    [Fact]
    public void A_card_that_is_not_blank_fails_with_the_step_the_exchange_and_the_difference()
    {
        _home.InitIssuer();
        _home.NewCard("alice", "customer");

        CliResult text = _cli.Run("conformance", "--card", "alice", "--script", "bank");
        CliResult json = _cli.Run("conformance", "--card", "alice", "--script", "bank", "--json");

        Assert.Equal(ExitCodes.CardError, text.ExitCode);
        Assert.Contains("FAIL bank/001-personalise (PUT DATA): ", text.Stdout);
        Assert.Matches(@"\n  step \d+: status word [0-9A-F]{4} \(.*\), expected 9000\n  sent:     [0-9A-F]+\n  received: [0-9A-F]+\n", text.Stdout);
        Assert.Matches(@"\d+ of \d+ vectors passed, [1-9]\d* failed\.$", text.StdoutLines[^1]);
        Assert.Equal(ExitCodes.CardError, json.ExitCode);
        using JsonDocument document = JsonDocument.Parse(json.Stdout);
        JsonElement failed = document.RootElement.GetProperty("results").EnumerateArray().First(r => !r.GetProperty("passed").GetBoolean());
        JsonElement failure = failed.GetProperty("failure");
        Assert.True(failure.GetProperty("step").GetInt32() >= 1);
        Assert.Contains("expected", failure.GetProperty("reason").GetString());
        Assert.False(string.IsNullOrEmpty(failure.GetProperty("sent").GetString()));
        Assert.False(string.IsNullOrEmpty(failure.GetProperty("received").GetString()));
    }

    [Fact]
    public void A_card_needs_a_script_when_the_file_has_several()
    {
        Assert.Equal(0, _cli.Run("card", "new", "blank", "--blank").ExitCode);

        CliResult result = _cli.Run("conformance", "--card", "emu:blank");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Equal("scc: a card runs one card script, and each needs a fresh purse: choose one with --script (merchant, bank, customer)",
            result.SingleErrorLine());
    }

    [Fact]
    public void A_vector_file_with_one_script_runs_on_a_card_without_script()
    {
        Assert.Equal(0, _cli.Run("card", "new", "blank", "--blank", "--interface", "contactless").ExitCode);
        string path = Path.Combine(_home.Path, "bank-only.json");
        File.WriteAllText(path, VectorFileJson.Serialize(Vectors.ForCard("bank")));

        CliResult result = _cli.Run("conformance", "--card", "blank", "--vectors", path);

        Assert.True(result.ExitCode == 0, result.Stdout);
        // The card's ATR is the contactless pseudo-ATR, so it is tested as contactless.
        Assert.Equal($"# {path}: card scripts bank on blank (emu:blank), contactless", result.StdoutLines[0]);
    }

    [Theory]
    [InlineData(new[] { "--script", "shop" }, "scc: --script: the vectors have no card script 'shop'; they have merchant, bank, customer")]
    [InlineData(new[] { "--vectors", "/nonexistent/vectors.json" }, "scc: --vectors: cannot read /nonexistent/vectors.json: ")]
    [InlineData(new[] { "--interface", "t0" }, "scc: --interface: 't0' is not contact or contactless (see 'scc conformance --help')")]
    [InlineData(new[] { "--card", "tcp://nowhere" }, "scc: ")]
    public void Bad_input_is_a_usage_error(string[] options, string error)
    {
        CliResult result = _cli.Run(["conformance", .. options]);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.StartsWith(error, result.SingleErrorLine());
    }

    [Fact]
    public void A_file_that_is_not_a_vector_file_is_a_usage_error()
    {
        string path = Path.Combine(_home.Path, "other.json");
        File.WriteAllText(path, """{ "format": "something-else", "formatVersion": 1 }""");

        CliResult result = _cli.Run("conformance", "--vectors", path);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.StartsWith($"scc: --vectors: {path} is not a conformance vector file: ", result.SingleErrorLine());
    }

    [Fact]
    public void Root_help_lists_the_emulator_and_conformance_commands()
    {
        CliResult result = _cli.Run("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\n  emulator ", result.Stdout);
        Assert.Contains("\n  conformance ", result.Stdout);
        Assert.Contains("scc conformance: a vector failed", result.Stdout);
        Assert.Contains("scc emulator attach: vpcd not listening", result.Stdout);
    }

    [Theory]
    [InlineData("3B8E8001536D6172744361726443617368015A", true)]
    [InlineData("3B8F8001804F0CA000000306030001000000006A", true)]
    [InlineData("3BDE96008131FE45536D61727443617264436173680116", false)]
    [InlineData("3B80", false)]
    public void The_pc_sc_contactless_pseudo_atr_is_recognised(string atr, bool contactless)
    {
        Assert.Equal(contactless, ConformanceCommand.IsContactlessAtr(Hex.Decode(atr)));
    }
}
