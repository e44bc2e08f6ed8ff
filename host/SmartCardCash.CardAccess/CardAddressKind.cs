namespace SmartCardCash.CardAccess;

/// <summary>Where a card is, by the form of its address.</summary>
public enum CardAddressKind
{
    /// <summary><c>emu:NAME</c>: an emulated card image in the card store.</summary>
    Emulated,
    /// <summary><c>pcsc:READER</c>: the card in a PC/SC reader (full name or a unique part of it).</summary>
    Pcsc,
    /// <summary><c>tcp://host:port</c>: a card served by a remote card service.</summary>
    Remote,
    /// <summary>A bare <c>NAME</c>: an emulated image if one has that name, else the PC/SC reader it matches.</summary>
    Unresolved,
}
