namespace SmartCardCash.Settlement.Loads;

/// <summary>The load authorised; <see cref="AlreadyAuthorised"/> is true when the same request had authorised it
/// before (a retry): nothing changed.</summary>
public sealed record LoadAuthorisation(Load Load, bool AlreadyAuthorised);
