namespace SmartCardCash.Pcsc.Interop;

/// <summary>
/// The one seam in front of the native PC/SC layer (as pcsc-sharp's ISCardApi is): the PC/SC API with managed,
/// platform-neutral signatures. Handles are <see cref="nint"/> (SCARDCONTEXT / SCARDHANDLE widened where the platform's
/// are narrower), results are normalised <see cref="PcscError"/>s, strings are .NET strings and protocol values are the
/// managed <see cref="PcscProtocols"/>.
/// </summary>
/// <remarks>
/// <para>Each platform has one implementation (<see cref="PcscApiFactory.Create"/> picks the native one). Everything
/// above it (<see cref="PcscContext"/>, <see cref="PcscCard"/>, <see cref="Monitoring.PcscMonitor"/>, and the card
/// sources built on them) takes an <see cref="IPcscApi"/>, so a test fakes PC/SC here, below the real classes, and
/// another platform binds here.</para>
/// <para>Implementations never throw for PC/SC failures; they return the code. Encoding, buffer sizing and struct
/// layout stay inside the implementation.</para>
/// </remarks>
public interface IPcscApi
{
    PcscPlatform Platform { get; }

    PcscError EstablishContext(PcscScope scope, out nint context);

    PcscError ReleaseContext(nint context);

    PcscError IsValidContext(nint context);

    /// <summary>Lists readers, sizing the buffer itself. An empty system may answer SCARD_E_NO_READERS_AVAILABLE.</summary>
    PcscError ListReaders(nint context, IReadOnlyList<string>? groups, out IReadOnlyList<string> readers);

    PcscError ListReaderGroups(nint context, out IReadOnlyList<string> groups);

    PcscError Connect(nint context, string readerName, PcscShareMode shareMode, PcscProtocols preferredProtocols,
        out nint card, out PcscProtocols activeProtocol);

    PcscError Reconnect(nint card, PcscShareMode shareMode, PcscProtocols preferredProtocols,
        PcscDisposition initialization, out PcscProtocols activeProtocol);

    PcscError Disconnect(nint card, PcscDisposition disposition);

    PcscError BeginTransaction(nint card);

    PcscError EndTransaction(nint card, PcscDisposition disposition);

    PcscError Status(nint card, out PcscCardStatus status);

    /// <summary>
    /// Sends <paramref name="commandLength"/> bytes of <paramref name="command"/> with the PCI of
    /// <paramref name="protocol"/> and receives into <paramref name="receiveBuffer"/>.
    /// </summary>
    PcscError Transmit(nint card, PcscProtocols protocol, byte[] command, int commandLength, byte[] receiveBuffer,
        out int receivedLength);

    /// <summary>Waits for a change; updates each entry's EventState, EventCount and Atr.</summary>
    PcscError GetStatusChange(nint context, uint timeoutMilliseconds, PcscReaderState[] readerStates);

    PcscError Cancel(nint context);

    /// <summary>
    /// One SCardGetAttrib call: with a null <paramref name="buffer"/> it reports the needed size in
    /// <paramref name="length"/>; otherwise it fills at most <paramref name="length"/> bytes and sets the used length.
    /// </summary>
    PcscError GetAttrib(nint card, uint attributeId, byte[]? buffer, ref int length);

    PcscError Control(nint card, uint controlCode, byte[] input, int inputLength, byte[] output, out int outputLength);
}
