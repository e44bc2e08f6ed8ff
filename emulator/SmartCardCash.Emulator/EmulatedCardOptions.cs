using Microsoft.Extensions.Logging;
using SmartCardCash.AppletApi;

namespace SmartCardCash.Emulator;

/// <summary>Optional services for an <see cref="EmulatedCard"/>.</summary>
public sealed class EmulatedCardOptions
{
    /// <summary>The card's random source; <see cref="SystemCardRandom"/> when null.</summary>
    public ICardRandom? Random { get; init; }

    /// <summary>Receives power events, applet failures and (at Trace level) every APDU exchanged.</summary>
    public ILogger? Logger { get; init; }

    /// <summary>
    /// For tests: an applet exception other than <see cref="IsoException"/> is rethrown as
    /// <see cref="AppletFaultException"/> (after the transaction is aborted) instead of being answered 6F00, so that an
    /// applet bug or invariant violation fails the test loudly. Off by default: a real card answers 6F00.
    /// </summary>
    public bool ThrowOnAppletFault { get; init; }
}
