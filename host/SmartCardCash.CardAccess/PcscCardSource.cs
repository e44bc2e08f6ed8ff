using Microsoft.Extensions.Logging;
using SmartCardCash.Iso7816;
using SmartCardCash.Pcsc;
using SmartCardCash.Pcsc.Interop;

namespace SmartCardCash.CardAccess;

/// <summary>
/// PC/SC through <see cref="PcscContext"/>, one context per use: the native binding (pcsc-lite, winscard,
/// PCSC.framework) unless another <see cref="IPcscApi"/> is given (a test's fake). The card comes back as the
/// <see cref="PcscCard"/> itself, inside its transaction: nothing stands between the caller and the card.
/// </summary>
public sealed class PcscCardSource : IPcscCardSource
{
    private readonly IPcscApi _api;
    private readonly ILogger? _logger;
    private readonly Func<string, bool> _isIgnored;

    /// <summary>The native PC/SC of this operating system, every reader.</summary>
    public PcscCardSource(ILogger? logger = null)
        : this(PcscApiFactory.Create(), logger)
    {
    }

    /// <param name="api">The PC/SC to use.</param>
    /// <param name="logger">Receives the PC/SC log.</param>
    /// <param name="isIgnored">
    /// Readers it says yes to are left out of <see cref="ListReaders"/>, so no card address ever matches them (the
    /// CLI's SCC_IGNORE_READERS). Null leaves none out.
    /// </param>
    public PcscCardSource(IPcscApi api, ILogger? logger = null, Func<string, bool>? isIgnored = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        _api = api;
        _logger = logger;
        _isIgnored = isIgnored ?? (_ => false);
    }

    public IReadOnlyList<string> ListReaders()
    {
        using PcscContext context = PcscContext.Establish(_api, PcscScope.User, _logger);
        return [.. context.ListReaders().Where(name => !_isIgnored(name))];
    }

    public ICardChannel Connect(string readerName)
    {
        PcscContext context = PcscContext.Establish(_api, PcscScope.User, _logger);
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
