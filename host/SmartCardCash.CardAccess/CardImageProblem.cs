namespace SmartCardCash.CardAccess;

/// <summary>
/// What is wrong with an emulated card's image. Only <see cref="Damaged"/> is a file whose content is known to be bad:
/// an <see cref="Unreadable"/> image may well hold value, so nothing may treat it as damaged (deleting it, say).
/// </summary>
public enum CardImageProblem
{
    /// <summary>Open in another process: its lock is held.</summary>
    InUse,

    /// <summary>Corrupt, truncated, renamed, or of another format: its content cannot be trusted.</summary>
    Damaged,

    /// <summary>It cannot be read (permission denied, an I/O error): its content is unknown, not bad.</summary>
    Unreadable,

    /// <summary>It holds an applet this program cannot run.</summary>
    UnknownApplet,

    /// <summary>It cannot be written (a cards folder this user may not write, a full disk).</summary>
    Unwritable,
}
