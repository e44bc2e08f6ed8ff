using System.Text.Json;
using SmartCardCash.Cli.Tests.Support;
using SmartCardCash.Issuing;

namespace SmartCardCash.Cli.Tests;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class IssuerCommandTests : TemporaryHomeTests
{
    [Fact]
    public void Init_creates_the_issuer_and_prints_its_id_and_fingerprint_but_never_the_key()
    {
        CliResult result = _cli.Run("issuer", "init", "--issuer-id", "5343430a");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Issuer issuer = _home.Issuer.Load();
        Assert.Contains("Created issuer 5343430A", result.Stdout);
        Assert.Contains(issuer.Fingerprint, result.Stdout);
        string pem = File.ReadAllText(_home.Issuer.KeyPath);
        string keyBody = pem.Split('\n')[1];
        Assert.DoesNotContain(keyBody, result.Stdout);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_home.Issuer.KeyPath));
    }

    [Fact]
    public void Init_json_has_the_public_facts()
    {
        CliResult result = _cli.Run("issuer", "init", "--issuer-id", "5343430A", "--json");

        Assert.Equal(0, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        JsonElement root = json.RootElement;
        Assert.Equal("5343430A", root.GetProperty("issuerId").GetString());
        Assert.Equal(64, root.GetProperty("fingerprint").GetString()!.Length);
        Assert.StartsWith("04", root.GetProperty("publicKey").GetString());
        Assert.Equal(1u, root.GetProperty("nextSerial").GetUInt32());
        Assert.Equal(0, root.GetProperty("mints").GetInt32());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("minted").ValueKind);
        Assert.False(root.TryGetProperty("privateKey", out _));
    }

    [Fact]
    public void A_second_init_is_refused_without_force_and_replaces_with_it()
    {
        _home.InitIssuer();

        CliResult refused = _cli.Run("issuer", "init");
        CliResult replaced = _cli.Run("issuer", "init", "--issuer-id", "01020304", "--force");

        Assert.Equal(ExitCodes.UsageError, refused.ExitCode);
        Assert.Contains("an issuer already exists", refused.SingleErrorLine());
        Assert.Contains("(ID 5343430A)", refused.Stderr);
        Assert.Equal(0, replaced.ExitCode);
        Assert.Equal("01020304", _home.Issuer.Load().Id.ToString());
    }

    [Theory]
    [InlineData("1234")]
    [InlineData("00000000")]
    [InlineData("ZZZZZZZZ")]
    public void A_bad_issuer_id_is_a_usage_error(string id)
    {
        CliResult result = _cli.Run("issuer", "init", "--issuer-id", id);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.StartsWith("scc: --issuer-id:", result.SingleErrorLine());
        Assert.False(_home.Issuer.Exists);
    }

    [Fact]
    public void Show_without_an_issuer_is_local_data_and_says_what_to_run()
    {
        CliResult result = _cli.Run("issuer", "show");

        Assert.Equal(ExitCodes.LocalData, result.ExitCode);
        Assert.Contains("no issuer yet", result.SingleErrorLine());
        Assert.Contains("run 'scc issuer init'", result.Stderr);
    }

    [Fact]
    public void Show_totals_the_mint_journal()
    {
        _home.BankAndAlice();
        Assert.Equal(0, _cli.Run("mint", "-c", "bank", "--amount", "0.50", "--currency", "EUR").ExitCode);
        Assert.Equal(0, _cli.Run("mint", "-c", "bank", "--amount", "2", "--currency", "GBP").ExitCode);

        CliResult human = _cli.Run("issuer", "show");
        CliResult json = _cli.Run("issuer", "show", "--json");

        Assert.Contains("EUR 1000.50, GBP 2.00 (3 mints)", human.Stdout);
        Assert.Contains("│ Purses issued       │ 2 ", human.Stdout);
        using JsonDocument document = JsonDocument.Parse(json.Stdout);
        JsonElement eur = document.RootElement.GetProperty("minted")[0];
        Assert.Equal("EUR", eur.GetProperty("currency").GetString());
        Assert.Equal("1000.50", eur.GetProperty("amount").GetString());
        Assert.Equal(100_050u, eur.GetProperty("minorUnits").GetUInt32());
    }

    [Fact]
    public void A_key_open_to_others_is_local_data_with_the_fix()
    {
        _home.InitIssuer();
        File.SetUnixFileMode(_home.Issuer.KeyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        CliResult result = _cli.Run("issuer", "show");

        Assert.Equal(ExitCodes.LocalData, result.ExitCode);
        Assert.Contains("chmod 600", result.SingleErrorLine());
    }
}
