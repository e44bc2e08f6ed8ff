using SmartCardCash.Purse.Conformance.Model;
using SmartCardCash.Purse.Conformance.Runner;

namespace SmartCardCash.Purse.Conformance.Generation;

/// <summary>One step being written: the command is set; <see cref="Expect"/> finishes it.</summary>
internal sealed class StepBuilder
{
    private readonly VectorBuilder _vector;
    private readonly StepCommand _command;
    private string? _note;
    private string? _interface;

    public StepBuilder(VectorBuilder vector, StepCommand command)
    {
        _vector = vector;
        _command = command;
    }

    public StepBuilder Note(string note)
    {
        _note = note;
        return this;
    }

    /// <summary>Only on this interface (the other one skips the step).</summary>
    public StepBuilder On(CardInterfaceKind cardInterface)
    {
        _interface = cardInterface == CardInterfaceKind.Contact ? "contact" : "contactless";
        return this;
    }

    /// <summary>The status word, and the response data as parts (none: no data).</summary>
    public VectorBuilder Expect(ushort sw, params ExpectedPart[] data)
    {
        _vector.Add(new VectorStep
        {
            Note = _note,
            Interface = _interface,
            Command = _command,
            Expect = new StepExpectation { Sw = sw.ToString("X4", System.Globalization.CultureInfo.InvariantCulture), Data = data.Length == 0 ? null : data },
        });
        return _vector;
    }

    public VectorBuilder ExpectOk(params ExpectedPart[] data) => Expect(0x9000, data);
}
