namespace SmartCardCash.Iso7816.Tests.Support;

/// <summary>
/// A card that answers from a script: each step optionally checks the command it receives and returns fixed bytes
/// (or throws). Records every command so tests can assert on the physical exchanges.
/// </summary>
internal sealed class ScriptedCardChannel : ICardChannel
{
    private readonly Queue<Step> _steps = new();

    public ScriptedCardChannel(string name = "scripted reader")
    {
        Name = name;
    }

    public string Name { get; }

    public ReadOnlyMemory<byte> Atr { get; } = Hex.Decode("3B 80 80 01 01");

    public CardProtocol Protocol { get; init; } = CardProtocol.T1;

    /// <summary>Every command received, as hex without spaces.</summary>
    public List<string> Sent { get; } = [];

    public bool Disposed { get; private set; }

    /// <summary>Expects exactly <paramref name="commandHex"/> and answers <paramref name="responseHex"/>.</summary>
    public ScriptedCardChannel Expect(string commandHex, string responseHex)
    {
        _steps.Enqueue(new Step(Normalize(commandHex), () => Hex.Decode(responseHex)));
        return this;
    }

    /// <summary>Answers the next command, whatever it is, with <paramref name="responseHex"/>.</summary>
    public ScriptedCardChannel Answer(string responseHex)
    {
        _steps.Enqueue(new Step(null, () => Hex.Decode(responseHex)));
        return this;
    }

    /// <summary>Answers the next command with raw bytes (which may be too short to be a response).</summary>
    public ScriptedCardChannel AnswerRaw(byte[] response)
    {
        _steps.Enqueue(new Step(null, () => response));
        return this;
    }

    public ScriptedCardChannel Throw(Exception exception)
    {
        _steps.Enqueue(new Step(null, () => throw exception));
        return this;
    }

    public int Remaining => _steps.Count;

    public byte[] Transmit(ReadOnlySpan<byte> command)
    {
        string hex = Convert.ToHexString(command);
        Sent.Add(hex);
        if (!_steps.TryDequeue(out Step? step))
        {
            throw new InvalidOperationException($"the script has no answer left for command {hex}.");
        }
        if (step.ExpectedCommand is not null)
        {
            Assert.Equal(step.ExpectedCommand, hex);
        }
        return step.Respond();
    }

    /// <summary>Use the script as the inner step of a single transform.</summary>
    public ResponseApdu Next(CommandApdu command) => ResponseApdu.Parse(Transmit(command.ToBytes()));

    public void Dispose() => Disposed = true;

    private static string Normalize(string hex) => Convert.ToHexString(Hex.Decode(hex));

    private sealed record Step(string? ExpectedCommand, Func<byte[]> Respond);
}
