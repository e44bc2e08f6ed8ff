namespace SmartCardCash.Purse.Conformance.Model;

/// <summary>
/// The implementation that produced the informative <see cref="VectorStep.Reference"/> bytes, and how its card RNG
/// was seeded (each card's <see cref="VectorCard.ReferenceSeed"/>).
/// </summary>
public sealed record ReferenceRun(string Implementation, string CardRandom, string Interface);
