using SmartCardCash.Cli.Output;

namespace SmartCardCash.Cli.Payments;

/// <summary>
/// <c>scc demo --json</c>: where the demo lives, whether an earlier one was reset, every step with its payment
/// outcome, and the balances at the end against the value minted.
/// </summary>
internal sealed record DemoJson(string Home, bool Reset, IReadOnlyList<DemoStepJson> Steps, IReadOnlyList<DemoCardJson> Cards,
    MoneyJson Minted, MoneyJson Total);
