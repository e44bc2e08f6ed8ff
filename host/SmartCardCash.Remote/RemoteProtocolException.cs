using SmartCardCash.Iso7816.Errors;

namespace SmartCardCash.Remote;

/// <summary>The other end broke the remote protocol (a bad hello, an impossible frame length).</summary>
public sealed class RemoteProtocolException(string message) : CardCommunicationException(message);
