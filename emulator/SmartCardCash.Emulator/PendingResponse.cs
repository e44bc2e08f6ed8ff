using SmartCardCash.Iso7816;

namespace SmartCardCash.Emulator;

/// <summary>Response data announced with 61xx and not fetched yet, with the status word that ends it (transient).</summary>
internal sealed record PendingResponse(byte[] Remaining, StatusWord FinalStatus);
