namespace SmartCardCash.Purse.Payments;

/// <summary>How a purse answered a command: what the driver does next depends on this alone.</summary>
internal enum AnswerKind
{
    /// <summary>With success: the command took effect.</summary>
    Answered,

    /// <summary>With an error status word: the command changed nothing it was meant to (spec 4.3).</summary>
    Refused,

    /// <summary>Not at all: the card was removed, the reader or the connection went, the answer was lost. Whether the
    /// card acted on it is unknown until it is asked.</summary>
    Lost,
}
