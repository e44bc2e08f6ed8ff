namespace SmartCardCash.Payments.Tests.Support;

/// <summary>How a <see cref="FaultyChannel"/> fails the one exchange it was told to.</summary>
public enum FaultKind
{
    /// <summary>The card is pulled before the command reaches it: the card never sees it.</summary>
    RemoveBefore,

    /// <summary>The card processes the command, then is pulled before its answer arrives: the answer is lost.</summary>
    RemoveAfter,

    /// <summary>The card processes the command and stays in the reader, but the answer is lost in transit (a glitch).</summary>
    LoseAnswer,
}
