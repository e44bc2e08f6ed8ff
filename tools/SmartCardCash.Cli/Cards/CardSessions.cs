using Microsoft.Extensions.Logging;
using SmartCardCash.CardAccess;
using SmartCardCash.Cli.Logging;
using SmartCardCash.Cli.Readers;
using SmartCardCash.Purse;

namespace SmartCardCash.Cli.Cards;

/// <summary>How the purse commands reach cards: one <see cref="CardOpener"/> per command, over the context's home and PC/SC.</summary>
internal static class CardSessions
{
    public static CardOpener CreateOpener(CliContext context, ILoggerFactory logging)
    {
        var pcsc = new PcscCardSource(context.Pcsc, logging.CreateLogger(CliLogging.PcscCategory),
            ReaderFilter.FromEnvironment(context.GetEnvironmentVariable).IsIgnored);
        var opener = new CardOpener(EmulatedCardStore.ForHome(context.Home), pcsc);
        context.ConfigureCards?.Invoke(opener);
        return opener;
    }

    /// <summary>Opens the card and its purse (not yet selected), with the APDU trace when --trace is on.</summary>
    public static PurseConnection Open(CliContext context, OutputSettings settings, ILoggerFactory logging, CardAddress address)
    {
        CardConnection card = CreateOpener(context, logging).Open(address);
        try
        {
            ILogger? trace = settings.Trace ? logging.CreateLogger(CliLogging.TraceCategory) : null;
            // The crash point sits below the trace, so the last line --trace prints is the command it stopped at.
            return new PurseConnection(card, PurseCard.Open(context.Crash.Watch(card.Channel), card.DisplayName, trace));
        }
        catch
        {
            card.Dispose();
            throw;
        }
    }
}
