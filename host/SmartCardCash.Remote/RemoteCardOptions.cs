namespace SmartCardCash.Remote;

/// <summary>Timeouts of a <see cref="RemoteCardChannel"/>.</summary>
public sealed record RemoteCardOptions
{
    /// <summary>How long to wait for the listener to accept the connection and answer the hello.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long to wait for each response: the payee's card answers in well under a second.</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
