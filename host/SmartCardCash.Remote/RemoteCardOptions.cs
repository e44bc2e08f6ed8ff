namespace SmartCardCash.Remote;

/// <summary>Timeouts of a <see cref="RemoteCardChannel"/>.</summary>
public sealed record RemoteCardOptions
{
    /// <summary>How long to wait for the listener to accept the connection and answer the hello.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long to wait for each response: the payee's card answers in well under a second.</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The default of <see cref="BusyWait"/>.</summary>
    public static readonly TimeSpan DefaultBusyWait = TimeSpan.FromSeconds(45);

    /// <summary>
    /// How long reconnecting after a failure waits out "busy". Longer than a listener's wait for the next command
    /// (<see cref="PayeeListenerOptions.MessageTimeout"/>, 30 s): a connection that stalled rather than closed keeps the
    /// card held at the listener until then, and the payment's own RESUME must still get through afterwards.
    /// </summary>
    public TimeSpan BusyWait { get; init; } = DefaultBusyWait;
}
