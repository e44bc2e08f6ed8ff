using System.CommandLine;
using SmartCardCash.BankApi;
using SmartCardCash.Cli.Errors;
using SmartCardCash.DurableFiles;

namespace SmartCardCash.Cli.Bank;

/// <summary>
/// --bank and --key-file of every command that calls the bank: the URL from --bank, else SCC_BANK_URL, else the local
/// default; the key from --key-file, else SCC_BANK_KEY, else the operator key <c>scc bank serve</c> saved in
/// $SCC_HOME/bank. One instance per command (an option belongs to one command).
/// </summary>
internal sealed class BankConnectionOptions
{
    public const string UrlVariable = "SCC_BANK_URL";
    public const string KeyVariable = "SCC_BANK_KEY";

    public static readonly Uri DefaultUrl = new($"http://127.0.0.1:{BankService.BankServiceOptions.DefaultPort}/");

    public Option<string?> Bank { get; } = new("--bank")
    {
        Description = $"The bank's URL. Default: ${UrlVariable}, else {DefaultUrl}.",
        HelpName = "url",
    };

    public Option<string?> KeyFile { get; } = new("--key-file")
    {
        Description = $"A file holding the API key (mode 0600). Default: ${KeyVariable}, else the operator key 'scc bank serve' " +
            $"saved in $SCC_HOME/bank/{BankHome.OperatorKeyFileName}.",
        HelpName = "file",
    };

    public IEnumerable<Option> All => [Bank, KeyFile];

    /// <summary>A client of the bank these options (and the environment) name.</summary>
    public BankClient Connect(Commands.CommandRun run)
    {
        Uri url = Url(run.Get(Bank) ?? run.Context.GetEnvironmentVariable(UrlVariable));
        string key = Key(run);
        var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        return new BankClient(http, key);
    }

    private static Uri Url(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return DefaultUrl;
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? url) || url.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(url.Query))
        {
            throw new UsageException($"--bank: '{text}' is not the bank's http:// or https:// URL (like {DefaultUrl})");
        }
        return url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
    }

    private string Key(Commands.CommandRun run)
    {
        string? file = run.Get(KeyFile);
        if (file is not null)
        {
            return ReadKeyFile(file, "--key-file");
        }
        if (run.Context.GetEnvironmentVariable(KeyVariable) is { Length: > 0 } key)
        {
            return SecretFile.Checked(key, $"${KeyVariable}", "an API key");
        }
        string saved = BankHome.OperatorKeyFile(run.Context.Home);
        return PrivateFiles.FileExists(saved) ? ReadKeyFile(saved, "the operator key file") : throw new UsageException(
            $"no API key: give --key-file FILE or set {KeyVariable} (the first 'scc bank serve' saves the operator's in {saved})");
    }

    private static string ReadKeyFile(string path, string what) => SecretFile.Read(path, what, "an API key");
}
