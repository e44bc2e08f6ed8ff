using SmartCardCash.Cli.Payments;

namespace SmartCardCash.Cli.Demo;

/// <summary>One step of the demo: what it does, in a sentence, and the payment outcome when it is a payment.</summary>
internal sealed record DemoStepJson(string Step, string Text, PaymentOutcomeJson? Outcome);
