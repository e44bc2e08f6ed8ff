using System.CommandLine;
using SmartCardCash.BankApi.Contracts;
using SmartCardCash.Cli.Commands;
using SmartCardCash.Cli.Errors;
using SmartCardCash.Cli.Output;
using SmartCardCash.Cli.Payments;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Cli.Bank;

/// <summary>
/// <c>scc hotlist fetch</c>: downloads the bank's current hotlist, verifies the issuer's signature against this
/// terminal's trust anchor and installs it as $SCC_HOME/hotlist.signed (<see cref="SignedHotlistFile.Install"/>), which
/// <c>scc pay</c> and <c>scc receive</c> honour. An unsigned, badly signed or another issuer's list, an older one than
/// installed, or a different one under the installed number is refused (exit 6) and the installed list stays.
/// </summary>
internal sealed class HotlistFetchCommand : BankClientCommand
{
    private readonly Option<string?> _issuerCertificate = new("--issuer-certificate")
    {
        Description = "The trusted issuer certificate (issuer-certificate.cvc) the list must be signed by. Default: the issuer's in $SCC_HOME/issuer.",
        HelpName = "file",
    };

    public HotlistFetchCommand(GlobalOptions globals, CliContext context)
        : base(globals, context, "fetch", BankArchiveHelpTexts.HotlistFetchDescription)
    {
        Add(_issuerCertificate);
        AddConnectionOptions();
    }

    protected override int Execute(CommandRun run)
    {
        PurseCertificate trusted = TrustAnchor.Load(Context, run.Get(_issuerCertificate));
        HotlistJson fetched = Call(cancel => Connect(run).HotlistAsync(cancel));
        SignedHotlistFile file = SignedHotlistFile.InHome(Context.Home);
        HotlistInstallation installation;
        try
        {
            installation = file.Install(fetched.Signed, trusted);
        }
        catch (Exception e) when (e is FormatException or HotlistSignatureException or HotlistVersionException)
        {
            throw new HotlistRefusedException(e is FormatException
                ? $"the bank's hotlist is refused: it is not a signed hotlist ({e.Message.TrimEnd('.')}); the installed list stays"
                : $"the bank's hotlist is refused: {e.Message.TrimEnd('.')}; the installed list stays", e);
        }
        SignedHotlist list = installation.List;
        var json = new HotlistFetchJson(list.Sequence, list.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            [.. list.Purses.Select(p => p.ToString())], installation.Previous, installation.Changed, file.FilePath);
        run.Write(json, () => Context.Stdout.WriteLine(installation.Changed
            ? $"Installed {list} in {file.FilePath}{(installation.Previous is { } old ? $", replacing hotlist {old}" : "")}: scc pay and scc receive refuse its purses."
            : $"{list} is installed already; nothing changed."));
        return ExitCodes.Success;
    }
}
