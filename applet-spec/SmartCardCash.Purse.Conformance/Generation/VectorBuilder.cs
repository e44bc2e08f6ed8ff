using SmartCardCash.Purse.Conformance.Model;

namespace SmartCardCash.Purse.Conformance.Generation;

/// <summary>One vector being written: its steps in order.</summary>
internal sealed class VectorBuilder
{
    private readonly List<VectorStep> _steps = [];

    public VectorBuilder(string id, string command, string spec, string title)
    {
        Id = id;
        Command = command;
        Spec = spec;
        Title = title;
    }

    public string Id { get; }

    public string Command { get; }

    public string Spec { get; }

    public string Title { get; }

    /// <summary>A well-formed short APDU: header, data and Le written out separately.</summary>
    public StepBuilder Send(CommandApdu command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.IsExtended)
        {
            throw new ArgumentException("extended APDUs are sent raw (SendRaw).", nameof(command));
        }
        return new StepBuilder(this, new StepCommand
        {
            Header = Hex.Encode([command.Cla, command.Ins, command.P1, command.P2]),
            Data = command.Nc == 0 ? null : Hex.Encode(command.Data.Span),
            Le = command.Ne == 0 ? null : command.Ne == CommandApdu.MaxShortExpectedLength ? "00" : command.Ne.ToString("X2", System.Globalization.CultureInfo.InvariantCulture),
        });
    }

    /// <summary>A command whose data contain <c>{name}</c> templates (computed at run time).</summary>
    public StepBuilder Send(string header, string dataTemplate, bool withLe) =>
        new(this, new StepCommand { Header = header, Data = dataTemplate, Le = withLe ? "00" : null });

    /// <summary>Bytes sent as they are, for APDUs no builder would make.</summary>
    public StepBuilder SendRaw(string hex) => new(this, new StepCommand { Apdu = Hex.Encode(Hex.Decode(hex)) });

    internal void Add(VectorStep step) => _steps.Add(step);

    public TestVector Build() => new() { Id = Id, Command = Command, Spec = Spec, Title = Title, Steps = [.. _steps] };
}
