namespace SmartCardCash.Emulator.Vpcd;

/// <summary>How a <see cref="VpcdBridge"/> attaches its card to one vpcd slot. Every property has a usable default.</summary>
public sealed record VpcdSlotOptions
{
    /// <summary>Where vpcd (inside pcscd) listens when <see cref="Host"/> is null.</summary>
    public const string DefaultHost = "127.0.0.1";

    /// <summary>vpcd's host; null means <see cref="DefaultHost"/>.</summary>
    public string? Host { get; init; }

    /// <summary>vpcd's port; null means <see cref="VpcdBridge.DefaultBasePort"/> + slot (35963 is "Virtual PCD 00 00"
    /// in Debian's /etc/reader.conf.d/vpcd, 35964 "Virtual PCD 00 01").</summary>
    public int? Port { get; init; }

    /// <summary>
    /// The interface the card is used through in this slot; null means the card profile's own. A contact card in a
    /// contactless slot is a dual-interface card: pseudo-ATR, <c>FF CA</c> UID, and applets see
    /// <see cref="AppletApi.CardInterface.Contactless"/>.
    /// </summary>
    public InterfaceProfile? Interface { get; init; }

    /// <summary>When the bridge pulls the card out during the host's work; <see cref="VpcdTearing.None"/> by default.</summary>
    public VpcdTearing Tearing { get; init; } = VpcdTearing.None;

    /// <summary>After a tear, put the card back after this delay; null (the default) leaves it out until
    /// <see cref="VpcdBridge.Insert"/>.</summary>
    public TimeSpan? ReinsertAfterTear { get; init; }

    /// <summary>First wait before reconnecting to vpcd after a failed connect or a dropped connection.</summary>
    public TimeSpan ReconnectInitialDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The wait doubles after each failure up to this.</summary>
    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait for one TCP connect (vpcd on another machine that does not answer).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long vpcd may leave a new connection without a message before the slot counts as
    /// <see cref="VpcdSlotState.Occupied"/> by another card (vpcd polls the card it serves at once, then about every
    /// 400 ms); also how long a connect to vpcd on this machine may go unanswered before the same verdict.
    /// </summary>
    public TimeSpan OccupiedAfter { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait in <see cref="VpcdBridge.DetachAsync"/> for the slot to finish the command in progress.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(10);

    internal void Validate()
    {
        if (Host is not null && string.IsNullOrWhiteSpace(Host))
        {
            throw new ArgumentException("the vpcd host is empty", nameof(Host));
        }
        if (Port is { } port)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(port, 1, nameof(Port));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535, nameof(Port));
        }
        if (Interface is { } profile && !Enum.IsDefined(profile))
        {
            throw new ArgumentOutOfRangeException(nameof(Interface), profile, "unknown interface profile");
        }
        ArgumentNullException.ThrowIfNull(Tearing, nameof(Tearing));
        if (ReinsertAfterTear is { } reinsert)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(reinsert, TimeSpan.Zero, nameof(ReinsertAfterTear));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(ReconnectInitialDelay, TimeSpan.Zero, nameof(ReconnectInitialDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(ReconnectMaxDelay, ReconnectInitialDelay, nameof(ReconnectMaxDelay));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ConnectTimeout, TimeSpan.Zero, nameof(ConnectTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(OccupiedAfter, TimeSpan.Zero, nameof(OccupiedAfter));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(StopTimeout, TimeSpan.Zero, nameof(StopTimeout));
    }
}
