namespace SmartCardCash.AppletApi;

/// <summary>
/// The emulated card lost power in the middle of a persistent write. Raised by the emulator's memory when a tear is
/// injected; the runtime catches it and the card stays unpowered until the next power-up, which runs recovery.
/// Applets must let it pass.
/// </summary>
public sealed class PowerLossException : Exception
{
    public PowerLossException(string message) : base(message)
    {
    }
}
