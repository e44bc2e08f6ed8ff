namespace SmartCardCash.Emulator.Vpcd;

/// <summary>Where a <see cref="VpcdBridge"/> is in its life.</summary>
public enum VpcdSlotState
{
    /// <summary>Constructed, not started.</summary>
    Created,

    /// <summary>Trying to reach vpcd (pcscd not running yet, or restarting); retried with back-off.</summary>
    Connecting,

    /// <summary>Connected to vpcd: the card is in the reader (pcscd notices it at its next presence poll).</summary>
    Inserted,

    /// <summary>Out of the reader after a tear or <see cref="VpcdBridge.Remove"/>, until re-inserted.</summary>
    Removed,

    /// <summary>Stopped by an error it cannot recover from (for example the card image could not be saved). Final.</summary>
    Faulted,

    /// <summary>Stopped by <see cref="VpcdBridge.DetachAsync"/>. Final.</summary>
    Detached,
}
