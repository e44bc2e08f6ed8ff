using System.Runtime.InteropServices;

namespace SmartCardCash.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        using var interrupt = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => OnSignal(signal, interrupt));
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => OnSignal(signal, interrupt));
        var context = new CliContext(Console.Out, Console.Error)
        {
            Interrupt = interrupt.Token,
            IsTerminal = !Console.IsOutputRedirected,
            Stdin = Console.In,
            IsInputTerminal = !Console.IsInputRedirected,
            ReadSecret = Input.ConsoleSecretPrompt.Read,
            ConfigureCards = opener => Remote.RemoteCardOpener.Register(opener),
        };
        return CliApplication.Run(args, context);
    }

    /// <summary>The first signal asks the command to stop cleanly; a second one ends the process the default way.</summary>
    private static void OnSignal(PosixSignalContext signal, CancellationTokenSource interrupt)
    {
        if (interrupt.IsCancellationRequested)
        {
            return;
        }
        signal.Cancel = true;
        interrupt.Cancel();
    }
}
