namespace SmartCardCash.Purse;

/// <summary>What VERIFY LOCK CODE without data reports (spec 5.16).</summary>
public sealed record LockCodeState(bool VerifiedInSession, int TriesLeft, bool Blocked);
