using SmartCardCash.Iso7816.Errors;
using SmartCardCash.Purse.Errors;

namespace SmartCardCash.Purse.Payments;

/// <summary>One command's answer, classified: the result, or the purse's refusal, or the loss.</summary>
internal readonly record struct CardAnswer<T>(AnswerKind Kind, T? Result, SmartCardException? Error)
{
    public bool IsAnswered => Kind == AnswerKind.Answered;

    public PurseException? Refusal => Error as PurseException;

    /// <summary>The result of an answered command.</summary>
    public T Value => IsAnswered ? Result! : throw new InvalidOperationException($"a {Kind} command has no result", Error);
}
