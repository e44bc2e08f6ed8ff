using System.Buffers;
using Microsoft.Extensions.Logging;
using SmartCardCash.Iso7816;
using SmartCardCash.Iso7816.Errors;
using SmartCardCash.Pcsc.Errors;
using SmartCardCash.Pcsc.Interop;

namespace SmartCardCash.Pcsc;

/// <summary>
/// A connection to the card in one reader (SCardConnect). Implements <see cref="ICardChannel"/>: one APDU per
/// <see cref="Transmit"/>, sent with the PCI of the active protocol. Not thread-safe, like every channel.
/// </summary>
/// <remarks>Dispose disconnects and leaves the card as it is. Errors are <see cref="SmartCardException"/>s:
/// <see cref="CardRemovedException"/> when the card left, <see cref="PcscCardResetException"/> when another program
/// reset it (call <see cref="Reconnect"/>), <see cref="ReaderUnavailableException"/> when the reader went away.
/// <see cref="Transmit"/> never returns fewer than 2 bytes: see there.</remarks>
public sealed class PcscCard : ICardChannel
{
    /// <summary>
    /// Receive buffer size: pcsc-lite's MAX_BUFFER_SIZE_EXTENDED (4 + 3 + 65536 + 3 + 2), room for the largest
    /// extended-length response (65536 data bytes + SW1 SW2). pcsc-lite rejects anything larger.
    /// </summary>
    public const int ReceiveBufferSize = 4 + 3 + 65536 + 3 + 2;

    /// <summary>MAX_BUFFER_SIZE of pcsc-lite: the largest attribute it returns, and the most it accepts as a length.</summary>
    internal const int MaxAttributeSize = 264;

    /// <summary>How long <see cref="Transmit"/> watches for the card to leave after an answer shorter than a status
    /// word, by default: pcscd notices a removal at its presence poll, every 400 ms.</summary>
    public static readonly TimeSpan DefaultRemovalCheckTimeout = TimeSpan.FromMilliseconds(1500);

    private static readonly TimeSpan RemovalPollInterval = TimeSpan.FromMilliseconds(100);

    private readonly IPcscApi _api;
    private readonly ILogger _logger;
    private readonly nint _handle;
    private byte[]? _receiveBuffer;
    private bool _disposed;

    internal PcscCard(IPcscApi api, ILogger logger, nint handle, string readerName, PcscShareMode shareMode,
        PcscProtocols activeProtocol, byte[] atr)
    {
        _api = api;
        _logger = logger;
        _handle = handle;
        ReaderName = readerName;
        ShareMode = shareMode;
        ActiveProtocol = activeProtocol;
        Atr = atr;
    }

    /// <summary>The reader's name (the channel's <see cref="Name"/>).</summary>
    public string ReaderName { get; }

    public string Name => ReaderName;

    public ReadOnlyMemory<byte> Atr { get; private set; }

    public PcscShareMode ShareMode { get; private set; }

    /// <summary>The protocol PC/SC chose (<see cref="PcscProtocols.None"/> on a direct connection without one).</summary>
    public PcscProtocols ActiveProtocol { get; private set; }

    public CardProtocol Protocol => ActiveProtocol switch
    {
        PcscProtocols.T0 => CardProtocol.T0,
        PcscProtocols.T1 => CardProtocol.T1,
        PcscProtocols.Raw => CardProtocol.Raw,
        _ => CardProtocol.Unknown,
    };

    public bool IsDisposed => _disposed;

    /// <summary>
    /// The longest <see cref="Transmit"/> watches the card's status after an answer shorter than a status word, to
    /// tell a card that left from a reader that failed (<see cref="DefaultRemovalCheckTimeout"/>; zero checks once).
    /// </summary>
    public TimeSpan RemovalCheckTimeout
    {
        get;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            field = value;
        }
    } = DefaultRemovalCheckTimeout;

    /// <summary>
    /// Sends one command APDU and returns the whole response, at least SW1 SW2.
    /// </summary>
    /// <remarks>
    /// An answer shorter than 2 bytes is never returned: pcscd completes a command with success and no bytes when a
    /// vpcd card disappears mid-command (real readers report SCARD_W_REMOVED_CARD). Then the card's status
    /// (SCardStatus) is watched for up to <see cref="RemovalCheckTimeout"/>: <see cref="CardRemovedException"/> if the
    /// card left, <see cref="CardCommunicationException"/> if it is still there.
    /// </remarks>
    public byte[] Transmit(ReadOnlySpan<byte> command)
    {
        ThrowIfDisposed();
        if (command.Length > ReceiveBufferSize)
        {
            throw new ApduFormatException(
                $"a command of {command.Length} bytes is longer than PC/SC can send ({ReceiveBufferSize} bytes)");
        }

        _receiveBuffer ??= new byte[ReceiveBufferSize];
        // The one copy on the way down: the native call pins an array and the caller holds a span. The array is
        // pooled, so even a 64 KiB extended APDU allocates nothing, and wiped after use (APDUs carry lock codes).
        byte[] send = ArrayPool<byte>.Shared.Rent(command.Length);
        PcscError result;
        int received;
        try
        {
            command.CopyTo(send);
            result = _api.Transmit(_handle, ActiveProtocol, send, command.Length, _receiveBuffer, out received);
        }
        finally
        {
            send.AsSpan(0, command.Length).Clear();
            ArrayPool<byte>.Shared.Return(send);
        }

        ThrowOnError(result);
        if (received > _receiveBuffer.Length)
        {
            // IPcscApi is a public seam: a binding that claims more than the buffer holds is broken, not the card.
            throw new InvalidOperationException(
                $"the PC/SC binding reported {received} bytes received into a buffer of {_receiveBuffer.Length}");
        }

        if (received < 2)
        {
            throw NoResponse(_receiveBuffer.AsSpan(0, Math.Max(received, 0)).ToArray());
        }
        return _receiveBuffer.AsSpan(0, received).ToArray();
    }

    /// <summary>
    /// Re-establishes the connection (SCardReconnect), e.g. after <see cref="PcscCardResetException"/>, to change the
    /// share mode or protocol, or to reset the card (<paramref name="initialization"/> Reset / Unpower).
    /// </summary>
    public void Reconnect(PcscShareMode shareMode = PcscShareMode.Shared,
        PcscProtocols preferredProtocols = PcscProtocols.Any,
        PcscDisposition initialization = PcscDisposition.Leave)
    {
        ThrowIfDisposed();
        var result = _api.Reconnect(_handle, shareMode, preferredProtocols, initialization, out var active);
        ThrowOnError(result);
        ShareMode = shareMode;
        ActiveProtocol = active;
        if (_api.Status(_handle, out var status) == PcscError.Success)
        {
            Atr = status.Atr;
        }
    }

    /// <summary>Starts a transaction; dispose the returned scope (or call End) to end it.</summary>
    public PcscTransaction BeginTransaction()
    {
        ThrowIfDisposed();
        ThrowOnError(_api.BeginTransaction(_handle));
        return new PcscTransaction(this, _logger);
    }

    /// <summary>Reader names, card state, protocol and ATR, as SCardStatus reports them now.</summary>
    public PcscCardStatus GetStatus()
    {
        ThrowIfDisposed();
        ThrowOnError(_api.Status(_handle, out var status));
        return status;
    }

    /// <summary>
    /// Reads a reader attribute (SCardGetAttrib), sizing the buffer with a first call. pcsc-lite cannot report the
    /// size in advance; then a buffer of its maximum attribute size is used.
    /// </summary>
    public byte[] GetAttribute(PcscAttribute attribute) => GetAttribute((uint)attribute);

    /// <inheritdoc cref="GetAttribute(PcscAttribute)"/>
    public byte[] GetAttribute(uint attributeId)
    {
        ThrowIfDisposed();
        var result = TwoCallSizing.Run((byte[]? buffer, ref int length) =>
            _api.GetAttrib(_handle, attributeId, buffer, ref length), out var value, out var used, MaxAttributeSize);
        ThrowOnError(result);
        return value.AsSpan(0, used).ToArray();
    }

    /// <summary>Sends a control code to the reader (SCardControl) and returns its answer.</summary>
    public byte[] Control(uint controlCode, ReadOnlySpan<byte> input, int maxResponseLength = ReceiveBufferSize)
    {
        ThrowIfDisposed();
        ArgumentOutOfRangeException.ThrowIfNegative(maxResponseLength);
        var output = new byte[maxResponseLength];
        ThrowOnError(_api.Control(_handle, controlCode, input.ToArray(), input.Length, output, out var returned));
        return output.AsSpan(0, returned).ToArray();
    }

    /// <summary>
    /// The platform's SCARD_CTL_CODE(function): 0x42000000 + function on pcsc-lite and macOS,
    /// FILE_DEVICE_SMARTCARD (0x31) &lt;&lt; 16 | function &lt;&lt; 2 on Windows.
    /// </summary>
    public uint GetControlCode(int function) => ControlCodeFor(function, _api.Platform);

    internal static uint ControlCodeFor(int function, PcscPlatform platform) => platform == PcscPlatform.Windows
        ? (0x31u << 16) | ((uint)function << 2)
        : 0x4200_0000u + (uint)function;

    /// <summary>Disconnects, doing <paramref name="disposition"/> to the card. Later calls do nothing.</summary>
    public void Disconnect(PcscDisposition disposition = PcscDisposition.Leave)
    {
        if (_disposed)
        {
            return;
        }

        // The handle is finished whatever the outcome.
        _disposed = true;
        var result = _api.Disconnect(_handle, disposition);
        if (result != PcscError.Success)
        {
            throw Error(result);
        }
    }

    /// <summary>Disconnects, leaving the card as it is. A failure is logged, not thrown.</summary>
    public void Dispose()
    {
        try
        {
            Disconnect();
        }
        catch (SmartCardException ex)
        {
            PcscLog.DisconnectFailed(_logger, ReaderName, ex.Message);
        }
    }

    internal void EndTransaction(PcscDisposition disposition)
    {
        ThrowIfDisposed();
        ThrowOnError(_api.EndTransaction(_handle, disposition));
    }

    /// <summary>What an answer too short to be a response means: the card left (once pcscd has noticed), or the
    /// reader failed.</summary>
    private SmartCardException NoResponse(byte[] received)
    {
        string what = received.Length == 0
            ? "the reader returned no response"
            : $"the reader returned {received.Length} byte ({Convert.ToHexString(received)}), not a response";
        long deadline = Environment.TickCount64 + (long)RemovalCheckTimeout.TotalMilliseconds;
        while (true)
        {
            PcscError status = _api.Status(_handle, out PcscCardStatus current);
            if (PcscErrors.GetKind(status) == PcscErrorKind.CardAbsent ||
                (status == PcscError.Success && (current.State & PcscCardState.Present) == 0))
            {
                PcscLog.CardLeftDuringCommand(_logger, ReaderName, received.Length);
                return new CardRemovedException($"reader '{ReaderName}': the card was removed during the command");
            }
            if (PcscErrors.GetKind(status) is PcscErrorKind.ReaderUnavailable or PcscErrorKind.ServiceUnavailable)
            {
                // The reader or the service went away: that is the error to report.
                return (SmartCardException)Error(status);
            }
            if (status != PcscError.Success)
            {
                return new CardCommunicationException($"reader '{ReaderName}': {what}", Error(status));
            }
            long left = deadline - Environment.TickCount64;
            if (left <= 0)
            {
                return new CardCommunicationException($"reader '{ReaderName}': {what}");
            }
            Thread.Sleep(TimeSpan.FromMilliseconds(Math.Min(left, RemovalPollInterval.TotalMilliseconds)));
        }
    }

    private void ThrowOnError(PcscError result)
    {
        if (result != PcscError.Success)
        {
            throw Error(result);
        }
    }

    private Exception Error(PcscError result) =>
        PcscErrors.CreateException(result, _api.Platform, cardConnected: true, ReaderName, availableReaders: null);

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
