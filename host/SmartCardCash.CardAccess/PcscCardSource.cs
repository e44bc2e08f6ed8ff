using Microsoft.Extensions.Logging;
using SmartCardCash.Iso7816;
using SmartCardCash.Pcsc;

namespace SmartCardCash.CardAccess;

/// <summary>The real PC/SC (pcsc-lite, winscard, PCSC.framework) through <see cref="PcscContext"/>, one context per use.</summary>
public sealed class PcscCardSource(ILogger? logger = null) : IPcscCardSource
{
    public IReadOnlyList<string> ListReaders()
    {
        using PcscContext context = PcscContext.Establish(PcscScope.User, logger);
        return context.ListReaders();
    }

    public ICardChannel Connect(string readerName)
    {
        PcscContext context = PcscContext.Establish(PcscScope.User, logger);
        PcscCard? card = null;
        try
        {
            card = context.Connect(readerName, PcscShareMode.Shared, PcscProtocols.Any);
            PcscTransaction transaction = card.BeginTransaction();
            return new TransactedChannel(card, transaction, context);
        }
        catch
        {
            card?.Dispose();
            context.Dispose();
            throw;
        }
    }
}
