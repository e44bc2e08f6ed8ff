using SmartCardCash.Purse.Spec;
using SmartCardCash.Settlement.Ledger;

namespace SmartCardCash.Settlement.Archive;

/// <summary>A purse linked to the account that loaded it; <see cref="Previous"/> is the account it was linked to before
/// (null when it was not, or the same).</summary>
public sealed record PurseAccountLink(PurseId Purse, AccountId Account, DateTimeOffset LinkedAt, AccountId? Previous);
