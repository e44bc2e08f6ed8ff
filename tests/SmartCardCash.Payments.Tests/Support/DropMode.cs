namespace SmartCardCash.Payments.Tests.Support;

/// <summary>Where a <see cref="DroppingProxy"/> cuts the connection at its chosen command frame.</summary>
public enum DropMode
{
    /// <summary>Before forwarding the command: the card never sees it.</summary>
    BeforeCommand,

    /// <summary>After the card answered, before the answer is forwarded: the answer is lost.</summary>
    AfterCommand,

    /// <summary>
    /// As <see cref="AfterCommand"/>, but the listener's side of the connection stays open and silent (a connection
    /// that stalled rather than closed, as a dead network path leaves it): the listener holds the card until it times out.
    /// </summary>
    StallAfterCommand,
}
