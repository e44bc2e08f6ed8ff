using SmartCardCash.BankApi.Contracts;

namespace SmartCardCash.BankApi;

/// <summary>The service answered with an error: <see cref="Status"/> and its RFC 7807 <see cref="Problem"/>. The message
/// is the problem's detail (or title), one sentence.</summary>
public sealed class BankApiException(int status, ProblemJson problem)
    : Exception(problem.Detail ?? problem.Title ?? $"the bank answered HTTP {status}.")
{
    public int Status { get; } = status;

    public ProblemJson Problem { get; } = problem;
}
