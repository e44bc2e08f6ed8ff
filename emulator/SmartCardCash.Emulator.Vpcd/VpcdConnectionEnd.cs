namespace SmartCardCash.Emulator.Vpcd;

/// <summary>How one connection to vpcd ended.</summary>
/// <param name="Exchanged">Whether any frame went over it (a healthy connection restarts the back-off).</param>
internal readonly record struct VpcdConnectionEnd(VpcdConnectionEndKind Kind, string Reason, bool Exchanged);
