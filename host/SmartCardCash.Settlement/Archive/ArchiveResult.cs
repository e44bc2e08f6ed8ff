using SmartCardCash.Purse.Issuing;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Settlement.Archive;

/// <summary>
/// An upload archived: each record and what it means, and the issuer-signed CLEAR EXCEPTION LOG for exactly these
/// records at the uploaded issuer counter, to send to the card (<c>PurseCard.ClearExceptionLog(SignedIssuerAuthorisation)</c>).
/// </summary>
public sealed record ArchiveResult(PurseId Purse, IReadOnlyList<ArchivedRecord> Records, SignedIssuerAuthorisation ClearAuthorisation);
