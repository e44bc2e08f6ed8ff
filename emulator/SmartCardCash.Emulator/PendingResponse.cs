using SmartCardCash.Iso7816;

namespace SmartCardCash.Emulator;

/// <summary>
/// Response data announced with 61xx and not fetched yet, the status word that ends it, and the class of the command
/// that produced it (GET RESPONSE may carry that class) (transient).
/// </summary>
internal sealed record PendingResponse(byte[] Remaining, StatusWord FinalStatus, byte Cla);
