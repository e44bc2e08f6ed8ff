using SmartCardCash.Iso7816;

namespace SmartCardCash.AppletApi;

/// <summary>Thrown by an applet to answer a status word (<c>javacard.framework.ISOException</c>).</summary>
public sealed class IsoException : Exception
{
    public IsoException(StatusWord statusWord) : base($"status word {statusWord.ToDisplayString()}")
    {
        StatusWord = statusWord;
    }

    public IsoException(ushort statusWord) : this(new StatusWord(statusWord))
    {
    }

    public StatusWord StatusWord { get; }

    public static void ThrowIf(bool condition, ushort statusWord)
    {
        if (condition)
        {
            throw new IsoException(statusWord);
        }
    }
}
