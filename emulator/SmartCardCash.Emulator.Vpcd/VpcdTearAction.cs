namespace SmartCardCash.Emulator.Vpcd;

/// <summary>The decision to tear one command: where, and for a tear during it, at which of its writes.</summary>
internal readonly record struct VpcdTearAction(VpcdTearPoint Point, int WriteIndex, int? BytesWritten);
