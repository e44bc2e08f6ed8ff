using SmartCardCash.BankApi;
using SmartCardCash.Cli.Commands;

namespace SmartCardCash.Cli.Bank;

/// <summary>A command that calls the bank: it has --bank and --key-file, and reaches the bank through <see cref="Connect"/>.</summary>
internal abstract class BankClientCommand : CliCommand
{
    private readonly BankConnectionOptions _connection = new();

    protected BankClientCommand(GlobalOptions globals, CliContext context, string name, string description)
        : base(globals, context, name, description)
    {
    }

    /// <summary>Adds --bank and --key-file, after the command's own options.</summary>
    protected void AddConnectionOptions() => Add([.. _connection.All]);

    protected BankClient Connect(CommandRun run) => _connection.Connect(run);

    /// <summary>Runs a call of the client to its end; Ctrl+C cancels it.</summary>
    protected T Call<T>(Func<CancellationToken, Task<T>> call) => call(Context.Interrupt).GetAwaiter().GetResult();
}
