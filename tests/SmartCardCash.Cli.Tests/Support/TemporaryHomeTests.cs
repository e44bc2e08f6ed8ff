namespace SmartCardCash.Cli.Tests.Support;

/// <summary>
/// The base of test classes whose tests each run scc in-process (<see cref="CliHarness"/>) in a temporary home of their
/// own (<see cref="PurseHome"/>), deleted after the test.
/// </summary>
public abstract class TemporaryHomeTests : IDisposable
{
    private protected readonly CliHarness _cli = new();
    private protected readonly PurseHome _home;

    private protected TemporaryHomeTests()
    {
        _home = new PurseHome(_cli);
    }

    public void Dispose()
    {
        _home.Dispose();
        GC.SuppressFinalize(this);
    }
}
