using Microsoft.Extensions.Logging;
using SmartCardCash.CardAccess;
using SmartCardCash.Cli.Pcsc;
using SmartCardCash.Cli.Readers;
using SmartCardCash.Iso7816;

namespace SmartCardCash.Cli.Cards;

/// <summary>
/// PC/SC for card addresses through the CLI's own <see cref="IPcscService"/> (which its tests fake), with the readers
/// SCC_IGNORE_READERS leaves out left out here too.
/// </summary>
internal sealed class CliPcscCardSource(IPcscService pcsc, ILogger logger, ReaderFilter filter) : IPcscCardSource
{
    public IReadOnlyList<string> ListReaders()
    {
        using IPcscSession session = pcsc.Open(logger);
        return [.. session.GetReaderStates().Select(r => r.ReaderName).Where(name => !filter.IsIgnored(name))];
    }

    public ICardChannel Connect(string readerName)
    {
        IPcscSession session = pcsc.Open(logger);
        ICardConnection? connection = null;
        try
        {
            connection = session.Connect(readerName);
            IDisposable transaction = connection.BeginTransaction();
            return new TransactedChannel(new CardConnectionChannel(connection), transaction, new Releases(connection, session));
        }
        catch
        {
            connection?.Dispose();
            session.Dispose();
            throw;
        }
    }

    /// <summary>The connection, then its session.</summary>
    private sealed class Releases(ICardConnection connection, IPcscSession session) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                connection.Dispose();
            }
            finally
            {
                session.Dispose();
            }
        }
    }
}
