using Microsoft.Extensions.Logging;
using SmartCardCash.Iso7816;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Cli.Tests.Docs.Samples;

/// <summary>Purse's README sample of opening a purse on any card channel, run by <see cref="PurseReadmeSampleTests"/>.</summary>
internal static class ReadPurse
{
    public static (PurseFci Fci, PurseInfo Info, IReadOnlyList<PocketBalance> Balances) Read(ICardChannel channel, ILogger logger)
    {
        // <read>
        PurseCard purse = PurseCard.Open(channel, name: "alice", trace: logger);   // ApduPipeline with PipelineOptions()
        PurseFci fci = purse.Select();                   // always first in a session: SELECT clears the purse's session state
        PurseInfo info = purse.ReadInfo();               // scc info: identity, state, tries, logs, pockets, certificate dates
        IReadOnlyList<PocketBalance> balances = purse.GetBalances();   // GET DATA, as every Get… below
        // </read>
        return (fci, info, balances);
    }
}
