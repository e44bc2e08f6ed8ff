using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Applet;

/// <summary>The data of START FROM and START TO (spec 5.8, 5.9): the counterparty's side of the PD.</summary>
internal sealed record TransferStart(PurseId Peer, CurrencyCode Currency, uint Value, uint PeerSequence, byte[]? OrderDigest);
