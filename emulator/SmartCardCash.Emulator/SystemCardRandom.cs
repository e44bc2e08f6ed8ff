using System.Security.Cryptography;
using SmartCardCash.AppletApi;

namespace SmartCardCash.Emulator;

/// <summary>The operating system's cryptographic random generator, as a card's random source.</summary>
public sealed class SystemCardRandom : ICardRandom
{
    public static SystemCardRandom Instance { get; } = new();

    public void Fill(Span<byte> destination) => RandomNumberGenerator.Fill(destination);
}
