namespace SmartCardCash.Emulator.Vpcd;

/// <summary>Where, around a command APDU, the bridge pulls the card out of the reader.</summary>
public enum VpcdTearPoint
{
    /// <summary>
    /// The command never reaches the card: when it arrives the card loses power and the connection drops. The host
    /// sees the card removed during the command; the card is exactly as after the previous command.
    /// </summary>
    BeforeCommand,

    /// <summary>
    /// The command is delivered with a power loss armed at one of its persistent writes (the card's
    /// <see cref="Memory.TearingPlan"/>), so the card loses power inside the command and recovers at its next power-up
    /// to the state before or after it. If the command finishes before it reaches that write, the card loses power
    /// before its answer is sent (state after the command). Either way no answer is sent and the connection drops.
    /// </summary>
    DuringCommand,

    /// <summary>The command is processed and answered, then the card is removed.</summary>
    AfterResponse,
}
