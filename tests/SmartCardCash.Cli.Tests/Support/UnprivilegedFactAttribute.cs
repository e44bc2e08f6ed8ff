namespace SmartCardCash.Cli.Tests.Support;

/// <summary>A test that runs scc as a user who is not root (<see cref="UnprivilegedScc"/>); skipped, with the reason, where that cannot be done.</summary>
public sealed class UnprivilegedFactAttribute : FactAttribute
{
    public UnprivilegedFactAttribute()
    {
        if (UnprivilegedScc.UnavailableReason is { } reason)
        {
            Skip = $"needs scc run as another user: {reason}";
        }
    }
}
