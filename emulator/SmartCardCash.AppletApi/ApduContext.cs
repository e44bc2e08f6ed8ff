using SmartCardCash.Iso7816;

namespace SmartCardCash.AppletApi;

/// <summary>
/// One command APDU as an applet sees it, and the place it puts its answer (<c>javacard.framework.APDU</c>).
/// </summary>
/// <remarks>
/// The applet sets response data with <see cref="Respond"/>; the runtime takes care of Ne, 61xx and GET RESPONSE.
/// Error status words are thrown as <see cref="IsoException"/> and carry no data.
/// </remarks>
public sealed class ApduContext
{
    private byte[] _response = [];

    public ApduContext(CommandApdu command, CardInterface cardInterface, bool isSelecting)
    {
        Command = command ?? throw new ArgumentNullException(nameof(command));
        Interface = cardInterface;
        IsSelecting = isSelecting;
    }

    public CommandApdu Command { get; }

    /// <summary>The interface the command arrived on.</summary>
    public CardInterface Interface { get; }

    /// <summary>True for the SELECT command that selected this applet.</summary>
    public bool IsSelecting { get; }

    /// <summary>Response data set by the applet (empty by default).</summary>
    public ReadOnlyMemory<byte> ResponseData => _response;

    /// <summary>The status word to answer with the data; 9000 unless the applet sets a warning (62xx, 63xx).</summary>
    public StatusWord ResponseStatus { get; private set; } = StatusWord.Success;

    /// <summary>Sets the response data (at most 256 bytes for a short-APDU applet) and, optionally, a warning status word.</summary>
    public void Respond(ReadOnlySpan<byte> data, StatusWord? status = null)
    {
        if (data.Length > 65536)
        {
            throw new ArgumentException("response data longer than 65536 bytes", nameof(data));
        }
        StatusWord sw = status ?? StatusWord.Success;
        if (!(sw.IsSuccess || sw.IsWarning))
        {
            throw new ArgumentException($"{sw} is an error status word: throw IsoException instead", nameof(status));
        }
        _response = data.ToArray();
        ResponseStatus = sw;
    }
}
