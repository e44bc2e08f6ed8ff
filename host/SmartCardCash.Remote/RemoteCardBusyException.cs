using SmartCardCash.Iso7816.Errors;

namespace SmartCardCash.Remote;

/// <summary>On reconnecting: the listener still holds the card for another connection (perhaps the one that just dropped).</summary>
internal sealed class RemoteCardBusyException(string message) : CardCommunicationException(message);
