using System.Text;

namespace SmartCardCash.Payments.Tests.Wording;

/// <summary>
/// Everything a run of the coordinator shows, written down as text: each outcome in full (kind, certainties, where the
/// value is, remedy, refusal, payment, both purses, every sentence), the instructions each card received, and the log.
/// Two builds of the coordinator that write the same transcript for the same scenarios say the same thing, word for
/// word, and drive the cards alike.
/// </summary>
internal sealed class Transcript
{
    private readonly List<(string Name, StringBuilder Text)> _scenarios = [];

    private StringBuilder _text = new();

    /// <summary>Each scenario's name and what it wrote.</summary>
    public IEnumerable<(string Name, string Text)> Scenarios => _scenarios.Select(s => (s.Name, s.Text.ToString()));

    public override string ToString() => string.Concat(_scenarios.Select(s => $"## {s.Name}\n{s.Text}"));

    public void Scenario(string name)
    {
        _text = new StringBuilder();
        _scenarios.Add((name, _text));
    }

    /// <summary>Runs <paramref name="step"/> and writes down what it returned (or threw), what it sent and logged.</summary>
    public void Step(string label, IReadOnlyList<TestCard> cards, ListLogger log, Func<PaymentOutcome> step)
    {
        int[] sentBefore = [.. cards.Select(c => c.Channel.Sent.Count)];
        int logBefore = log.Lines.Count;
        try
        {
            Write(label, step());
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            Line($"{label}: throws {e.GetType().Name}: {e.Message}");
        }
        for (int i = 0; i < cards.Count; i++)
        {
            List<byte[]> sent = cards[i].Channel.Sent;
            if (sent.Count > sentBefore[i])
            {
                Line($"  sent to {cards[i].Name}: " + string.Join(' ', sent.Skip(sentBefore[i]).Select(c => c[1].ToString("X2"))));
            }
        }
        foreach (string line in log.Lines.Skip(logBefore))
        {
            Line($"  log {line}");
        }
    }

    private void Write(string label, PaymentOutcome outcome)
    {
        Line($"{label}: {outcome.Kind}; debited {outcome.Debited}, credited {outcome.Credited}; value {outcome.Value}; " +
            $"remedy {outcome.Remedy}; security {outcome.IsSecurityRefusal}; payee has value {outcome.PayeeHasValue}");
        Line($"  summary: {outcome.Summary}");
        foreach (string effect in outcome.SideEffects)
        {
            Line($"  side effect: {effect}");
        }
        foreach (string step in outcome.Recovery)
        {
            Line($"  recovery: {step}");
        }
        if (outcome.Refusal is { } refusal)
        {
            Line($"  refusal: {refusal.By} {refusal.Reason} {refusal.StatusWord ?? "-"}: {refusal.Message}" +
                (refusal.UnfinishedTransfer is { } unfinished ? $" [unfinished {unfinished}]" : ""));
        }
        if (outcome.Payment is { } payment)
        {
            Line($"  payment: {payment} ({payment.Currency} {payment.Amount} = {payment.AmountText}, digest {payment.OrderDigest ?? "-"})");
        }
        Line($"  payer: {Report(outcome.Payer)}");
        Line($"  payee: {(outcome.Payee is { } payee ? Report(payee) : "-")}");
    }

    private static string Report(PurseReport report) =>
        $"{report.Name} {report.PurseId ?? "-"} {report.State ?? "-"} {(report.Reachable ? "reachable" : "unreachable")}";

    private void Line(string line) => _text.Append(line).Append('\n');
}
