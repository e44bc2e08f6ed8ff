namespace SmartCardCash.Cli.Tests.Support;

/// <summary>
/// A StringWriter that tells a test each line as it is written, so a test can act at a known point of a command
/// that runs until interrupted (press Ctrl+C only once scc has said the card is in).
/// </summary>
internal sealed class ObservedStringWriter(Action<string>? lineWritten) : StringWriter
{
    public override void WriteLine(string? value)
    {
        base.WriteLine(value);
        lineWritten?.Invoke(value ?? string.Empty);
    }
}
