namespace SmartCardCash.Emulator.Vpcd;

/// <summary>
/// The emulated card failed in a way the slot cannot carry on from (its image could not be saved, an emulator
/// invariant broke). Kept apart from socket errors, which only mean the reader went away.
/// </summary>
internal sealed class CardFaultException(string message, Exception innerException) : Exception(message, innerException);
