namespace SmartCardCash.Pcsc.Testing;

/// <summary>Thrown by a <see cref="FakeCard.Handler"/>: the fake SCardTransmit returns <see cref="Error"/> instead of an answer.</summary>
public sealed class FakeCardError(PcscError error) : Exception($"SCardTransmit fails with {error}")
{
    public PcscError Error { get; } = error;
}
