namespace SmartCardCash.Emulator.Vpcd;

/// <summary>Why a connection to vpcd ended, which decides what the slot does next.</summary>
internal enum VpcdConnectionEndKind
{
    /// <summary>vpcd closed it or it broke (pcscd stopped or restarted): reconnect with back-off.</summary>
    ReaderClosed,

    /// <summary>A tear pulled the card out: it stays out until inserted again.</summary>
    Torn,

    /// <summary><see cref="VpcdBridge.Remove"/> pulled the card out.</summary>
    Removed,

    /// <summary>The slot is stopping.</summary>
    Stopped,
}
