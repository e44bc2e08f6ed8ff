namespace SmartCardCash.AppletApi;

/// <summary>The card's random number generator (<c>javacard.security.RandomData</c>).</summary>
public interface ICardRandom
{
    void Fill(Span<byte> destination);
}
