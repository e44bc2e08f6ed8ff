namespace SmartCardCash.AppletApi;

/// <summary>The physical interface a command arrived on (<c>APDU.getProtocol() &amp; PROTOCOL_MEDIA_MASK</c>).</summary>
public enum CardInterface
{
    /// <summary>ISO/IEC 7816-3 contacts (T=0 or T=1).</summary>
    Contact,
    /// <summary>ISO/IEC 14443-4 contactless.</summary>
    Contactless,
}
