using Microsoft.Extensions.Logging;
using SmartCardCash.Pcsc;
using SmartCardCash.Pcsc.Monitoring;

namespace SmartCardCash.Cli.Pcsc;

/// <summary>The real PC/SC: pcsc-lite, winscard or PCSC.framework, through SmartCardCash.Pcsc.</summary>
internal sealed class PcscService : IPcscService
{
    public IPcscSession Open(ILogger logger) => new PcscSession(PcscContext.Establish(PcscScope.User, logger));

    public IReaderMonitor CreateMonitor(ILogger logger) => new PcscReaderMonitor(new PcscMonitor(logger: logger));
}
