namespace SmartCardCash.Remote;

/// <summary>
/// The wire protocol between a payer's terminal (<see cref="RemoteCardChannel"/>) and a payee listener
/// (<see cref="PayeeListener"/>), version 1. Small on purpose: the purses authenticate every protected message end to
/// end, so the connection only carries APDUs and is never trusted.
/// <code>
/// client → server  hello     53 43 43 52 ("SCCR") ‖ version 01                                   5 bytes
/// server → client  hello     53 43 43 52 ‖ version 01 ‖ status ‖ protocol ‖ n ‖ ATR (n ≤ 33)   8 + n bytes
///                  status    00 ready, 01 busy (a payment is in progress on this card), 02 version not supported,
///                            03 too many connections; anything but 00 is followed by the server closing
///                  protocol  01 T=0, 02 T=1 (the payee card's)
/// then, strictly alternating, one frame each way:
/// client → server  command   length (2 bytes, big-endian, 4 … 261) ‖ command APDU (a short APDU)
/// server → client  response  length (2 bytes, big-endian, 2 … 258) ‖ response APDU (data ‖ SW1 SW2)
/// </code>
/// A malformed hello or frame ends the connection. Either side may close at any time; the card stays as it is.
/// </summary>
public static class RemoteProtocol
{
    /// <summary>"SCCR".</summary>
    public static ReadOnlySpan<byte> Magic => "SCCR"u8;

    public const byte Version = 1;

    public const int ClientHelloLength = 5;

    /// <summary>The server hello without the ATR.</summary>
    public const int ServerHelloFixedLength = 8;

    /// <summary>ISO/IEC 7816-3: an ATR has at most 33 bytes.</summary>
    public const int MaxAtrLength = 33;

    /// <summary>A short APDU: header 4, Lc 1, data 255, Le 1.</summary>
    public const int MaxCommandLength = 261;

    /// <summary>Response data 256 and the status word.</summary>
    public const int MaxResponseLength = 258;

    public const int MinCommandLength = 4;

    public const int MinResponseLength = 2;
}
