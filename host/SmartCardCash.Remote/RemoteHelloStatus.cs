namespace SmartCardCash.Remote;

/// <summary>The status byte of the server hello (see <see cref="RemoteProtocol"/>).</summary>
public enum RemoteHelloStatus : byte
{
    Ready = 0x00,

    /// <summary>Another payment is in progress on the payee's card: one payment at a time per card.</summary>
    Busy = 0x01,

    VersionNotSupported = 0x02,

    TooManyConnections = 0x03,
}
