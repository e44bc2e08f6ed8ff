using System.CommandLine;
using System.Globalization;
using SmartCardCash.Cli.Cards;
using SmartCardCash.Cli.Errors;
using SmartCardCash.Cli.Help;
using SmartCardCash.Cli.Output;
using SmartCardCash.Iso7816;
using SmartCardCash.Issuing;
using SmartCardCash.Issuing.Storage;
using SmartCardCash.LocalData;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Spec;
using Spectre.Console;

namespace SmartCardCash.Cli.Commands;

/// <summary><c>scc issuer init</c> and <c>scc issuer show</c>: the issuer's key and certificate in $SCC_HOME/issuer.</summary>
internal sealed class IssuerCommand
{
    private readonly Option<string?> _issuerId = new("--issuer-id")
    {
        Description = "The 4-byte issuer ID in hex (8 digits, not 00000000). Default: a random one.",
        HelpName = "hex",
    };
    private readonly Option<bool> _force = new("--force")
    {
        Description = "Replace an existing issuer. Its files are moved aside (issuer/replaced-ID-TIME/), not deleted: purses it " +
            "certified trust only its key, and the new issuer can no longer mint into them.",
    };

    public IssuerCommand(GlobalOptions globals, CliContext context)
    {
        var init = new Command("init", HelpTexts.IssuerInitDescription) { _issuerId, _force };
        init.SetAction(CommandRun.Action(globals, context, Init));
        var show = new Command("show", HelpTexts.IssuerShowDescription);
        show.SetAction(CommandRun.Action(globals, context, Show));
        Command = new Command("issuer", HelpTexts.IssuerDescription) { init, show };
    }

    public Command Command { get; }

    private int Init(CommandRun run)
    {
        IssuerId? id = ParseIssuerId(run.Get(_issuerId));
        IssuerStore store = IssuerAccess.Store(run.Context);
        bool replace = run.Get(_force);
        if (store.Exists && !replace)
        {
            string existing = TryReadId(store);
            throw new UsageException(
                $"an issuer already exists in {store.Directory}{existing}; --force replaces it (its files are kept aside)");
        }
        Issuer issuer = store.Create(id, replace);
        Write(run, store, issuer, created: true);
        return ExitCodes.Success;
    }

    private static int Show(CommandRun run)
    {
        IssuerStore store = IssuerAccess.Store(run.Context);
        Issuer issuer = store.Load();
        Write(run, store, issuer, created: false);
        return ExitCodes.Success;
    }

    private static void Write(CommandRun run, IssuerStore store, Issuer issuer, bool created)
    {
        IssuerState state = store.ReadState();
        IReadOnlyList<MintRecord> journal = store.ReadMintJournal();
        var minted = journal.GroupBy(r => r.Currency)
            .Select(g => new Money(g.Key, g.Aggregate(0UL, (sum, r) => sum + r.Amount)))
            .ToList();
        CertificateBody body = issuer.Certificate.Body;
        run.Write(new IssuerJson(issuer.Id.ToString(), issuer.Fingerprint, Hex.Encode(issuer.PublicKey), body.Effective.ToString(),
                body.Expiry.ToString(), state.NextSerial, store.Directory, [.. minted.Select(PurseFormats.Json)], journal.Count),
            () =>
            {
                if (created)
                {
                    run.Console.Write(new Text($"Created issuer {issuer.Id} in {store.Directory}. The private key stays in " +
                        $"{IssuerStore.KeyFileName} (mode 0600): back it up, it cannot be made again.\n"));
                }
                var rows = new List<(string, string)>
                {
                    ("Issuer ID", issuer.Id.ToString()),
                    ("Certificate SHA-256", issuer.Fingerprint),
                    ("Valid", $"{body.Effective} to {body.Expiry}"),
                    ("Purses issued", (state.NextSerial - 1).ToString(CultureInfo.InvariantCulture)),
                    ("Minted", minted.Count == 0 ? "nothing yet" : string.Join(", ", minted)
                        + $" ({journal.Count} {(journal.Count == 1 ? "mint" : "mints")})"),
                    ("Folder", store.Directory),
                };
                run.Console.Write(PurseTables.Properties(rows));
            });
    }

    private static IssuerId? ParseIssuerId(string? text)
    {
        if (text is null)
        {
            return null;
        }
        if (!Hex.TryDecode(text, out byte[] bytes) || bytes.Length != IssuerId.Length)
        {
            throw new UsageException($"--issuer-id: '{text}' is not 4 bytes of hex (8 digits, like 5343430A)");
        }
        IssuerId id = IssuerId.Read(bytes);
        if (id.Value == 0)
        {
            throw new UsageException("--issuer-id: 00000000 is not an issuer ID");
        }
        return id;
    }

    private static string TryReadId(IssuerStore store)
    {
        try
        {
            return $" (ID {store.ReadState().IssuerId})";
        }
        catch (LocalDataException)
        {
            return string.Empty;
        }
    }
}
