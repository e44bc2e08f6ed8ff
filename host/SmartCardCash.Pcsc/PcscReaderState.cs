namespace SmartCardCash.Pcsc;

/// <summary>
/// One entry of <see cref="PcscContext.GetStatusChange"/>: what the caller believes (<see cref="CurrentState"/>,
/// <see cref="CurrentEventCount"/>) and what PC/SC reported back (<see cref="EventState"/>, <see cref="EventCount"/>,
/// <see cref="Atr"/>). Call <see cref="AcceptEventState"/> before waiting again so the next call blocks until
/// something new happens.
/// </summary>
public sealed class PcscReaderState
{
    /// <summary>The special reader name that reports readers being attached or detached.</summary>
    public const string PnpNotificationReaderName = @"\\?PnP?\Notification";

    public PcscReaderState(string readerName, PcscReaderStateFlags currentState = PcscReaderStateFlags.Unaware)
    {
        ArgumentNullException.ThrowIfNull(readerName);
        ReaderName = readerName;
        CurrentState = currentState;
    }

    public string ReaderName { get; }

    /// <summary>The state the caller last saw (SCARD_STATE_* bits).</summary>
    public PcscReaderStateFlags CurrentState { get; set; }

    /// <summary>
    /// The event counter the caller last saw (the upper 16 bits of dwCurrentState). pcsc-lite and Windows count card
    /// insertions and removals there, so a card swapped between two calls is still noticed. For the PnP reader,
    /// Windows keeps the reader count there.
    /// </summary>
    public int CurrentEventCount { get; set; }

    /// <summary>The state PC/SC reported (SCARD_STATE_* bits, with <see cref="PcscReaderStateFlags.Changed"/>).</summary>
    public PcscReaderStateFlags EventState { get; internal set; }

    /// <summary>The event counter PC/SC reported (upper 16 bits of dwEventState).</summary>
    public int EventCount { get; internal set; }

    /// <summary>The ATR of the card in the reader, empty when there is none.</summary>
    public byte[] Atr { get; internal set; } = [];

    public bool IsChanged => (EventState & PcscReaderStateFlags.Changed) != 0;

    /// <summary>Makes the reported state the current one, so the next wait returns only on a new change.</summary>
    public void AcceptEventState()
    {
        CurrentState = EventState & ~PcscReaderStateFlags.Changed;
        CurrentEventCount = EventCount;
    }

    /// <summary>
    /// dwCurrentState as an <see cref="Interop.IPcscApi"/> passes it to SCardGetStatusChange: the state bits in the
    /// lower word, <see cref="CurrentEventCount"/> in the upper one.
    /// </summary>
    public uint NativeCurrentState =>
        ((uint)CurrentState & 0xFFFF) | ((uint)(CurrentEventCount & 0xFFFF) << 16);

    /// <summary>
    /// Stores what SCardGetStatusChange reported: dwEventState (state bits in the lower word, the event counter in the
    /// upper one) and the ATR. Called by an <see cref="Interop.IPcscApi"/> after the native call.
    /// </summary>
    public void SetNativeEventState(uint eventState, ReadOnlySpan<byte> atr)
    {
        EventState = (PcscReaderStateFlags)(eventState & 0xFFFF);
        EventCount = (int)(eventState >> 16);
        Atr = atr.ToArray();
    }
}
