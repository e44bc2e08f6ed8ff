using Microsoft.Extensions.Logging;

namespace SmartCardCash.Cli.Pcsc;

/// <summary>The CLI's whole view of PC/SC, small enough for tests to fake.</summary>
internal interface IPcscService
{
    /// <summary>Connects to the PC/SC service (one context per command).</summary>
    /// <exception cref="Iso7816.Errors.CardServiceUnavailableException">The service is not running.</exception>
    IPcscSession Open(ILogger logger);

    /// <summary>A reader monitor, not yet started.</summary>
    IReaderMonitor CreateMonitor(ILogger logger);
}
