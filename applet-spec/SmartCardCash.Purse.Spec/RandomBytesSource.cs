namespace SmartCardCash.Purse.Spec;

/// <summary>Fills a buffer with random bytes: a card's RNG (<c>ICardRandom.Fill</c>) or a host's CSPRNG.</summary>
public delegate void RandomBytesSource(Span<byte> destination);
