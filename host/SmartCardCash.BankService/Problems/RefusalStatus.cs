using SmartCardCash.Settlement.Access;
using SmartCardCash.Settlement.Archive;
using SmartCardCash.Settlement.BankPurses;
using SmartCardCash.Settlement.Ledger;

namespace SmartCardCash.BankService.Problems;

/// <summary>The HTTP status and title of each refusal of the bank's library, by reason.</summary>
internal static class RefusalStatus
{
    public static (int Status, string Title) Of(LedgerRefusal reason) => reason switch
    {
        LedgerRefusal.UnknownAccount => (404, "Unknown account"),
        LedgerRefusal.AccountConflict => (409, "Account exists with other content"),
        LedgerRefusal.TransferConflict => (409, "Request ID already used for another request"),
        LedgerRefusal.PartlyRecordedChain => (409, "Request partly recorded"),
        LedgerRefusal.InvalidChain => (400, "Invalid request"),
        LedgerRefusal.CurrencyMismatch => (409, "Currency does not match the account"),
        LedgerRefusal.BooksMixed => (409, "Accounts in different books"),
        LedgerRefusal.ExceedsCredits => (409, "Insufficient funds"),
        LedgerRefusal.ExceedsDebits => (409, "Account would go below zero"),
        LedgerRefusal.Overflow => (409, "Amount too large for the account"),
        LedgerRefusal.NotPending => (409, "Not a pending transfer"),
        LedgerRefusal.PendingAlreadyResolved => (409, "Already resolved"),
        LedgerRefusal.ExceedsPendingAmount => (409, "More than the amount reserved"),
        _ => (409, "Refused by the ledger"),
    };

    public static (int Status, string Title) Of(AccessRefusal reason) => reason switch
    {
        AccessRefusal.MissingKey => (401, "API key missing"),
        AccessRefusal.MalformedKey => (401, "API key malformed"),
        AccessRefusal.UnknownKey => (401, "API key unknown"),
        AccessRefusal.RevokedKey => (401, "API key revoked"),
        AccessRefusal.WrongRole => (403, "Role not allowed"),
        AccessRefusal.WrongAccount => (403, "Account not allowed"),
        AccessRefusal.BadHolderCredential => (403, "Account holder's credential refused"),
        AccessRefusal.InvalidKeyRequest => (400, "Invalid key request"),
        _ => (403, "Refused"),
    };

    public static (int Status, string Title) Of(ArchiveRefusal reason) => reason switch
    {
        ArchiveRefusal.CertificateRefused => (422, "Certificate refused"),
        ArchiveRefusal.SignatureInvalid => (422, "Signature invalid"),
        ArchiveRefusal.Malformed => (400, "Not a purse's exception log"),
        _ => (422, "Upload refused"),
    };

    public static (int Status, string Title) Of(BankPurseRefusal reason) => reason switch
    {
        BankPurseRefusal.UnknownPurse => (404, "Unknown bank purse"),
        BankPurseRefusal.UnknownLoad => (404, "Unknown load"),
        BankPurseRefusal.UnknownDeposit => (404, "Unknown deposit"),
        BankPurseRefusal.RequestConflict => (409, "Request ID already used for another request"),
        BankPurseRefusal.PurseBusy => (503, "Bank purse busy"),
        BankPurseRefusal.NoPurseFree => (503, "No bank purse free"),
        BankPurseRefusal.UnknownAccount => (422, "Unknown account"),
        BankPurseRefusal.WrongAccountKind => (422, "Wrong kind of account"),
        BankPurseRefusal.CurrencyMismatch => (422, "Currency does not match"),
        BankPurseRefusal.AmountOutOfRange => (422, "Amount out of range"),
        BankPurseRefusal.PurseHotlisted => (403, "Purse hotlisted"),
        BankPurseRefusal.BankPurseAsParty => (422, "A bank purse cannot take part"),
        _ => (409, "Refused by the bank"),
    };
}
