using System.Net;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Remote;

/// <summary>Where a <see cref="PayeeListener"/> listens and how it bounds its connections.</summary>
public sealed record PayeeListenerOptions
{
    /// <summary>The default port of <c>scc receive</c>.</summary>
    public const int DefaultPort = 7000;

    /// <summary>Loopback by default: listening on another address must be asked for explicitly.</summary>
    public IPEndPoint Endpoint { get; init; } = new(IPAddress.Loopback, DefaultPort);

    /// <summary>How long a new connection has to send its hello.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The default of <see cref="MessageTimeout"/>.</summary>
    public static readonly TimeSpan DefaultMessageTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long the listener waits for each next command (and for a response frame to be taken). A stalled connection
    /// holds the card this long; a reconnecting payer waits out "busy" for longer (<see cref="RemoteCardOptions.BusyWait"/>).
    /// </summary>
    public TimeSpan MessageTimeout { get; init; } = DefaultMessageTimeout;

    /// <summary>
    /// How long a payment the card received only part of (epv: it sent its req, the payer's val has not come) is kept
    /// for that payer, measured from when this listener first saw it. Until then START TO from any other payer is
    /// refused, because it would abort the transfer into the card's exception log while its payer, already debited,
    /// may still be reconnecting to finish it with RESUME. Longer than a reconnecting payer's
    /// <see cref="RemoteCardOptions.BusyWait"/> plus a recovery. After it, a new payer may start (the card then logs
    /// the abandoned transfer, so the value stays accounted for).
    /// </summary>
    public TimeSpan UnfinishedPaymentHold { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>The longest a connection may last (and so hold the card), whatever it does.</summary>
    public TimeSpan MaxConnectionTime { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Connections open at once (one of them holds the card; the others are told "busy" and closed).</summary>
    public int MaxConnections { get; init; } = 4;

    /// <summary>The card's name in messages ("bob").</summary>
    public string CardName { get; init; } = "the card";

    /// <summary>The listener's clock: payers' certificates expired by it are refused.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Payers to refuse (the bank barred them): checked at VERIFY CERTIFICATE and START TO, before the card sees either.</summary>
    public Hotlist Hotlist { get; init; } = Hotlist.Empty;

    /// <summary>
    /// When set, the hotlist as it is now, asked at every check instead of <see cref="Hotlist"/> (a
    /// <see cref="HotlistFile"/> read again when it changes). A <see cref="LocalData.LocalDataException"/> from it refuses the
    /// payer (6982): no payment is made while the hotlist cannot be read.
    /// </summary>
    public Func<Hotlist>? CurrentHotlist { get; init; }

    /// <summary>
    /// The issuer certificate a payer's certificate must be from and signed by, or null when none is known here (the
    /// card still checks the signature under its own issuer key).
    /// </summary>
    public PurseCertificate? TrustedIssuer { get; init; }
}
