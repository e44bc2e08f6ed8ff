namespace SmartCardCash.Emulator;

/// <summary>
/// An internal invariant of the emulator does not hold: a bug in the emulator (or memory corrupted behind its back),
/// never a reaction to what a host or applet sent. Thrown by always-on assertions and never caught by the runtime.
/// </summary>
public sealed class EmulatorInvariantException : Exception
{
    public EmulatorInvariantException(string message) : base($"emulator invariant violated: {message}")
    {
    }
}
