using SmartCardCash.CardAccess;
using SmartCardCash.Issuing.Storage;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Cli.Tests.Support;

/// <summary>
/// A temporary SCC_HOME for the purse commands, wired into a <see cref="CliHarness"/>, with helpers that reach the same
/// cards through the library (to leave payments half done, as interruptions do).
/// </summary>
internal sealed class PurseHome : IDisposable
{
    public const string LockCode = "1234";

    public PurseHome(CliHarness cli)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "scc-cli-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        Cli = cli;
        cli.Environment["SCC_HOME"] = Path;
    }

    public string Path { get; }

    public CliHarness Cli { get; }

    public EmulatedCardStore Cards => EmulatedCardStore.ForHome(Path);

    public IssuerStore Issuer => IssuerStore.ForHome(Path);

    /// <summary>scc issuer init with a known ID; asserts it worked.</summary>
    public void InitIssuer()
    {
        CliResult result = Cli.Run("issuer", "init", "--issuer-id", "5343430A");
        Assert.Equal(0, result.ExitCode);
    }

    /// <summary>scc card new NAME; asserts it worked.</summary>
    public void NewCard(string name, string purseClass, string currencies = "EUR", params string[] more)
    {
        CliResult result = Cli.Run(["card", "new", name, "--class", purseClass, "--currency", currencies, "--lock-code", LockCode, .. more]);
        Assert.True(result.ExitCode == 0, result.Stderr);
    }

    /// <summary>An issuer, a bank holding EUR 1000.00 and a customer 'alice'.</summary>
    public void BankAndAlice()
    {
        InitIssuer();
        NewCard("bank", "bank", "EUR,GBP");
        NewCard("alice", "customer");
        Assert.Equal(0, Cli.Run("mint", "--card", "bank", "--amount", "1000.00", "--currency", "EUR").ExitCode);
    }

    /// <summary>As <see cref="BankAndAlice"/>, plus a customer 'bob'; alice holds EUR 100.00, paid by the bank with scc pay.</summary>
    public void BankAliceAndBob()
    {
        BankAndAlice();
        NewCard("bob", "customer");
        Assert.Equal(0, Cli.Run("pay", "--from", "bank", "--to", "alice", "--amount", "100", "--currency", "EUR").ExitCode);
    }

    /// <summary>A whole payment between two emulated cards through the typed API, as the coordinator will make it.</summary>
    public void Pay(string from, string to, uint minorUnits) => PaymentCards.StartAndStop(this, from, to, minorUnits, stopBefore: 0);

    /// <summary>Leaves <paramref name="to"/> in epv, expecting a val that never comes.</summary>
    public void StartAndDrop(string from, string to, uint minorUnits) =>
        PaymentCards.StartAndStop(this, from, to, minorUnits, PurseInstruction.Req);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A card a failed test left open keeps its lock file; the folder is in /tmp either way.
        }
    }
}
