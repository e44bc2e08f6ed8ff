namespace SmartCardCash.Emulator.Vpcd;

/// <summary>Where a <see cref="VpcdBridge"/> is in its life.</summary>
public enum VpcdSlotState
{
    /// <summary>Constructed, not started.</summary>
    Created,

    /// <summary>Trying to reach vpcd (pcscd not running yet, or restarting); retried with back-off.</summary>
    Connecting,

    /// <summary>
    /// vpcd serves the card: it has polled it on the connection (it does at once when it takes a connection, then
    /// about every 400 ms), so the card is in the reader.
    /// </summary>
    Inserted,

    /// <summary>Out of the reader after a tear or <see cref="VpcdBridge.Remove"/>, until re-inserted.</summary>
    Removed,

    /// <summary>Stopped by an error it cannot recover from (for example the card image could not be saved). Final.</summary>
    Faulted,

    /// <summary>Stopped by <see cref="VpcdBridge.DetachAsync"/>. Final.</summary>
    Detached,

    /// <summary>
    /// vpcd's slot holds another card (vsmartcard's vicc, another bridge): vpcd serves one connection per slot and
    /// takes the next only when that one ends. Seen as a connection vpcd leaves without a message for
    /// <see cref="VpcdSlotOptions.OccupiedAfter"/>, or, with vpcd on this machine, a connection it does not even take
    /// within that time (its queue for the slot, one connection long, is full). The bridge waits in vpcd's queue or keeps
    /// trying; the card goes in (<see cref="Inserted"/>) when the other card leaves.
    /// </summary>
    Occupied,
}
