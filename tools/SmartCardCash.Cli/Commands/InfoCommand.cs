using System.Globalization;
using SmartCardCash.Cli.Cards;
using SmartCardCash.Cli.Help;
using SmartCardCash.Cli.Output;
using SmartCardCash.Purse;
using Spectre.Console;

namespace SmartCardCash.Cli.Commands;

/// <summary><c>scc info</c>: everything a purse tells without its lock code.</summary>
internal sealed class InfoCommand(GlobalOptions globals, CliContext context)
    : PurseCommand(globals, context, "info", HelpTexts.InfoDescription)
{
    protected override int Execute(CommandRun run)
    {
        using PurseConnection card = OpenCard(run);
        PurseInfo info = card.Purse.ReadInfo();

        run.Write(ToJson(card, info), () =>
        {
            run.Console.Write(PurseTables.Properties(Rows(card, info)));
            if (info.Pockets.Count > 0)
            {
                run.Console.Write(PurseTables.Pockets(info.Pockets));
            }
        });
        return ExitCodes.Success;
    }

    private static IEnumerable<(string, string)> Rows(PurseConnection card, PurseInfo info)
    {
        yield return ("Card", $"{card.Name} ({card.Address})");
        yield return ("Purse ID", info.PurseId?.ToString() ?? "(not personalised)");
        if (info.IssuerId is not null)
        {
            yield return ("Issuer", info.IssuerId.ToString()!);
        }
        if (info.Class is not null)
        {
            yield return ("Class", PurseFormats.Class(info.Class));
        }
        yield return ("Lifecycle", PurseFormats.Lifecycle(info.Lifecycle));
        yield return ("Transfer state", PurseFormats.TransferState(info.TransferState));
        yield return ("Next sequence number", info.NextSequenceNumber.ToString(CultureInfo.InvariantCulture));
        yield return ("Issuer counter", info.IssuerCounter.ToString(CultureInfo.InvariantCulture));
        yield return ("Locked", info.IsLocked ? "yes" : "no");
        yield return ("Lock code", info.IsLockCodeBlocked
            ? "blocked (the issuer must reset it)"
            : $"{info.LockCodeTriesRemaining} {(info.LockCodeTriesRemaining == 1 ? "try" : "tries")} left");
        yield return ("Exception log", $"{info.ExceptionLog} records");
        yield return ("Transaction log", $"{info.TransactionLog} records");
        if (info.CertificateExpiry is not null)
        {
            yield return ("Certificate", $"valid {PurseFormats.Date(info.CertificateEffective)} to {PurseFormats.Date(info.CertificateExpiry)}" +
                (info.IsCertificateExpired ? " (EXPIRED)" : string.Empty));
        }
        yield return ("Trusted date", info.TrustedDate == Purse.Spec.BcdDate.Unset ? "(none yet)" : info.TrustedDate.ToString());
        yield return ("Applet version", AppletVersion(info.AppletVersion));
    }

    private static string AppletVersion(ushort version) => $"{version >> 8}.{version & 0xFF}";

    private static PurseInfoJson ToJson(PurseConnection card, PurseInfo info) => new(
        card.Name,
        card.Address.ToString(),
        AppletVersion(info.AppletVersion),
        info.PurseId?.ToString(),
        info.IssuerId?.ToString(),
        info.Class is null ? null : PurseFormats.Class(info.Class),
        PurseFormats.Lifecycle(info.Lifecycle),
        PurseFormats.TransferState(info.TransferState),
        info.NextSequenceNumber,
        info.IssuerCounter,
        info.IsLocked,
        (info.Flags & Purse.Spec.PurseFlags.LockCodeVerified) != 0,
        info.IsLockCodeBlocked,
        info.LockCodeTriesRemaining,
        new LogOccupancyJson(info.ExceptionLog.Count, info.ExceptionLog.Capacity),
        new LogOccupancyJson(info.TransactionLog.Count, info.TransactionLog.Capacity),
        [.. info.Pockets.Select(PurseTables.Json)],
        info.CertificateEffective?.ToString(),
        info.CertificateExpiry?.ToString(),
        info.IsCertificateExpired,
        info.TrustedDate == Purse.Spec.BcdDate.Unset ? "" : info.TrustedDate.ToString());
}
