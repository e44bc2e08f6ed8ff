using System.CommandLine;
using SmartCardCash.Cli.Readers;

namespace SmartCardCash.Cli.Commands;

/// <summary>The --reader option of the commands that talk to one card.</summary>
internal static class ReaderOption
{
    public static Option<string?> Create() => new("--reader", "-r")
    {
        Description = "The reader to use: its full name or a unique part of it, any case. Default: " +
            $"{ReaderRequest.ReaderVariable}, else the one reader that holds a card.",
        HelpName = "name",
    };
}
