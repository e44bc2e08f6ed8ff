namespace SmartCardCash.AppletApi;

/// <summary>
/// Marker for applets that accept extended-length APDUs (<c>javacardx.apdu.ExtendedLength</c>). The runtime answers
/// <c>6700</c> to an extended-length command for any other applet, so short-APDU applets never see one.
/// </summary>
public interface IExtendedLengthApplet
{
}
