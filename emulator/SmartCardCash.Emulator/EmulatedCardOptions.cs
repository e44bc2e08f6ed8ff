using Microsoft.Extensions.Logging;
using SmartCardCash.Emulator.Applets;

namespace SmartCardCash.Emulator;

/// <summary>Optional services for an <see cref="EmulatedCard"/>.</summary>
public sealed class EmulatedCardOptions
{
    /// <summary>The card's random source; <see cref="SystemCardRandom"/> when null.</summary>
    public ICardRandom? Random { get; init; }

    /// <summary>Receives power events, applet failures and (at Trace level) every APDU exchanged.</summary>
    public ILogger? Logger { get; init; }
}
