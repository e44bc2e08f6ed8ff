using Spectre.Console;

namespace SmartCardCash.Cli.Output;

/// <summary>Spectre.Console on a given writer: colours and the real width on a terminal, plain text otherwise.</summary>
internal static class ConsoleFactory
{
    /// <summary>Wide enough that tables written to a pipe or file never wrap a reader name or an ATR.</summary>
    private const int RedirectedWidth = 250;

    public static IAnsiConsole Create(TextWriter writer, bool isTerminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!isTerminal)
        {
            console.Profile.Width = RedirectedWidth;
        }
        return console;
    }
}
