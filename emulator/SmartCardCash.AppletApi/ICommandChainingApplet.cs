namespace SmartCardCash.AppletApi;

/// <summary>
/// Marker for applets that handle ISO 7816-4 command chaining themselves (CLA bit <c>10</c>). The runtime answers
/// <c>6884</c> to a chained command for any other applet.
/// </summary>
public interface ICommandChainingApplet
{
}
