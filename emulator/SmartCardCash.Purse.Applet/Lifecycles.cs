namespace SmartCardCash.Purse.Applet;

/// <summary>A set of lifecycle states in which a command is allowed (spec 1.3).</summary>
[Flags]
internal enum Lifecycles
{
    None = 0,
    Personalisation = 1,
    Issued = 2,
    Blocked = 4,
    Terminated = 8,
    IssuedOrBlocked = Issued | Blocked,
    AnyButTerminated = Personalisation | Issued | Blocked,
}
