namespace SmartCardCash.Purse.Applet;

/// <summary>
/// An invariant of spec 4.4 does not hold after a command: a bug, never a host error. The runtime answers 6F00 and
/// aborts the open transaction, so the broken state is never committed.
/// </summary>
public sealed class PurseInvariantException : Exception
{
    public PurseInvariantException(string message) : base(message)
    {
    }
}
