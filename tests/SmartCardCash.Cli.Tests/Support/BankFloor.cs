using System.Text.Json;

namespace SmartCardCash.Cli.Tests.Support;

/// <summary>The bank the terminal commands' tests work against, set up through scc as an operator would (scc bank serve
/// running): a customer account with EUR 100.00 in cash, a merchant account (150 bp + 0.10), a terminal key and a
/// merchant terminal key saved to the given files, and a bank purse minted EUR 1000.00.</summary>
internal static class BankFloor
{
    public static void SetUp(CliHarness cli, string terminalKey, string shopKey)
    {
        Ok(cli, "bank", "account", "open", "customer.alice", "--kind", "customer", "--currency", "EUR");
        Ok(cli, "bank", "account", "open", "merchant.shop", "--kind", "merchant", "--currency", "EUR", "--fee-bp", "150", "--fee-fixed", "0.10");
        Ok(cli, "bank", "cash-in", "--account", "customer.alice", "--amount", "100.00", "--currency", "EUR", "--request-id", "till/1");
        Ok(cli, "bank", "key", "issue", "--role", "terminal", "--out", terminalKey);
        Ok(cli, "bank", "key", "issue", "--role", "merchant-terminal", "--merchant-account", "merchant.shop", "--out", shopKey);
        string purse = JsonDocument.Parse(Ok(cli, "bank", "purses", "provision", "--currency", "EUR", "--json").Stdout).RootElement
            .GetProperty("id").GetString()!;
        Ok(cli, "bank", "purses", "mint", "--purse", purse, "--amount", "1000.00", "--request-id", "float-1");
    }

    /// <summary>Runs scc and asserts it succeeded.</summary>
    public static CliResult Ok(CliHarness cli, params string[] args)
    {
        CliResult result = cli.Run(args);
        Assert.True(result.ExitCode == 0, $"scc {string.Join(' ', args)}: {result.Stderr}");
        return result;
    }
}
