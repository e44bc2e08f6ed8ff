using SmartCardCash.Iso7816.Errors;
using SmartCardCash.Purse.Conformance.Model;

namespace SmartCardCash.Purse.Conformance.Runner;

/// <summary>
/// Runs conformance vectors against any card reachable through <see cref="ICardChannel"/>: the emulator in process, a
/// card in a PC/SC reader, a remote card. Each card script needs a fresh, just-installed purse.
/// </summary>
public static class ConformanceRunner
{
    private const int MaxGetResponses = 16;

    /// <summary>Runs a file holding one card script (see <see cref="VectorFile.ForCard"/>) on <paramref name="card"/>.</summary>
    public static ConformanceReport Run(ICardChannel card, VectorFile file) => Run(card, file, new RunnerOptions());

    public static ConformanceReport Run(ICardChannel card, VectorFile file, RunnerOptions options)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(options);
        if (file.Cards.Count != 1)
        {
            throw new ArgumentException(
                $"the file holds {file.Cards.Count} card scripts and each needs a fresh card: run file.ForCard(id) on each, or pass a card factory.",
                nameof(file));
        }
        return new ConformanceReport(RunCard(card, file, file.Cards[0], options));
    }

    /// <summary>Runs every card script, each on a fresh card from <paramref name="freshCard"/> (disposed afterwards).</summary>
    public static ConformanceReport Run(Func<VectorCard, ICardChannel> freshCard, VectorFile file, RunnerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(freshCard);
        ArgumentNullException.ThrowIfNull(file);
        var results = new List<VectorResult>();
        foreach (VectorCard script in file.Cards)
        {
            using ICardChannel card = freshCard(script);
            results.AddRange(RunCard(card, file, script, options ?? new RunnerOptions()));
        }
        return new ConformanceReport(results);
    }

    /// <summary>
    /// The entry point for tools (<c>scc conformance</c>) and other hosts: loads the vector file at
    /// <paramref name="path"/> and runs every card script on a fresh card from <paramref name="openFreshCard"/>, a
    /// just-installed purse in PERSONALISATION, reached through the interface that <paramref name="options"/> names
    /// (contact by default). Each channel is disposed after its script.
    /// </summary>
    public static ConformanceReport RunFile(string path, Func<VectorCard, ICardChannel> openFreshCard, RunnerOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(openFreshCard);
        return Run(openFreshCard, VectorFileJson.Load(path), options);
    }

    private static List<VectorResult> RunCard(ICardChannel card, VectorFile file, VectorCard script, RunnerOptions options)
    {
        var variables = new VariableStore(file, script, options.Crypto);
        var matcher = new ResponseMatcher(variables, options.Crypto);
        string interfaceName = options.Interface == CardInterfaceKind.Contact ? "contact" : "contactless";
        var results = new List<VectorResult>();
        bool channelBroken = false;
        foreach (TestVector vector in script.Vectors)
        {
            var steps = new List<StepResult>();
            bool failed = false;
            for (int i = 0; i < vector.Steps.Count; i++)
            {
                VectorStep step = vector.Steps[i];
                if (failed || channelBroken)
                {
                    steps.Add(new StepResult(i, StepOutcome.NotRun, null, null, channelBroken ? "the card stopped answering" : null));
                    continue;
                }
                if (step.Interface is not null && step.Interface != interfaceName)
                {
                    steps.Add(new StepResult(i, StepOutcome.Skipped, null, null, null));
                    continue;
                }
                StepResult result = RunStep(card, step, i, variables, matcher, out channelBroken);
                failed = result.Outcome == StepOutcome.Failed;
                steps.Add(result);
            }
            results.Add(new VectorResult(script.Id, vector.Id, vector.Command, vector.Title, steps));
        }
        return results;
    }

    private static StepResult RunStep(ICardChannel card, VectorStep step, int index, VariableStore variables, ResponseMatcher matcher,
        out bool channelBroken)
    {
        channelBroken = false;
        string? sent = null;
        string? received = null;
        try
        {
            byte[] apdu = BuildApdu(step.Command, variables);
            sent = Hex.Encode(apdu);
            ResponseApdu response = Exchange(card, apdu, step.Expect.Sw);
            received = response.ToHex();
            string expectedSw = step.Expect.Sw.ToUpperInvariant();
            if (response.StatusWord.ToString() != expectedSw)
            {
                return new StepResult(index, StepOutcome.Failed, sent, received,
                    $"status word {response.StatusWord.ToDisplayString()}, expected {expectedSw}");
            }
            string? difference = matcher.Match(response.Data.Span, step.Expect.Data);
            return difference is null
                ? new StepResult(index, StepOutcome.Passed, sent, received, null)
                : new StepResult(index, StepOutcome.Failed, sent, received, difference);
        }
        catch (VectorFormatException e)
        {
            return new StepResult(index, StepOutcome.Failed, sent, received, "the vector file is broken: " + e.Message);
        }
        catch (SmartCardException e)
        {
            channelBroken = true;
            return new StepResult(index, StepOutcome.Failed, sent, received, "the exchange failed: " + e.Message);
        }
    }

    /// <summary>
    /// One exchange; a 61xx the step does not expect is followed by GET RESPONSE (as a T=0 reader needs), and the data
    /// joined, so the same vectors run over T=0, T=1 and contactless.
    /// </summary>
    private static ResponseApdu Exchange(ICardChannel card, byte[] apdu, string expectedSw)
    {
        ResponseApdu response = ResponseApdu.Parse(card.Transmit(apdu));
        if (expectedSw.StartsWith("61", StringComparison.Ordinal))
        {
            return response;
        }
        var data = new List<byte>(response.Data.ToArray());
        for (int i = 0; i < MaxGetResponses && response.StatusWord.HasMoreData; i++)
        {
            response = ResponseApdu.Parse(card.Transmit([0x00, 0xC0, 0x00, 0x00, response.Sw2]));
            data.AddRange(response.Data.ToArray());
        }
        return new ResponseApdu(data.ToArray(), response.StatusWord);
    }

    private static byte[] BuildApdu(StepCommand command, VariableStore variables)
    {
        if (command.Apdu is not null)
        {
            return variables.Decode(command.Apdu);
        }
        byte[] header = variables.Decode(command.Header ?? throw new VectorFormatException("a command has neither apdu nor header."));
        byte[] data = command.Data is null ? [] : variables.Decode(command.Data);
        byte[] le = command.Le is null ? [] : variables.Decode(command.Le);
        if (header.Length != 4 || data.Length > CommandApdu.MaxShortDataLength || le.Length > 1)
        {
            throw new VectorFormatException($"header {Hex.Encode(header)}, {data.Length} data bytes and Le {Hex.Encode(le)} do not make a short APDU.");
        }
        return [.. header, .. (data.Length > 0 ? (byte[])[(byte)data.Length, .. data] : []), .. le];
    }
}
