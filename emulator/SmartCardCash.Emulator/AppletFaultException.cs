namespace SmartCardCash.Emulator;

/// <summary>
/// An applet threw something other than <see cref="AppletApi.IsoException"/> (a bug, or an applet-level invariant
/// violation). Thrown out of <see cref="EmulatedCard.Transmit(ReadOnlySpan{byte})"/> only when
/// <see cref="EmulatedCardOptions.ThrowOnAppletFault"/> is set, after the runtime aborted the open transaction;
/// otherwise the card answers 6F00.
/// </summary>
public sealed class AppletFaultException : Exception
{
    public AppletFaultException(string aidHex, string phase, Exception innerException)
        : base($"applet {aidHex} failed in {phase}: {innerException?.Message}", innerException)
    {
        AidHex = aidHex;
        Phase = phase;
    }

    public string AidHex { get; }

    /// <summary>"process", "select", "deselect" or "creation".</summary>
    public string Phase { get; }
}
