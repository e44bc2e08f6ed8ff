namespace SmartCardCash.Purse.Applet;

/// <summary>The data of REQ, VAL and ACK: a well-formed encoded PD and a signature, still to be checked.</summary>
internal sealed record PaymentMessage(byte[] Details, byte[] Signature);
