using System.CommandLine;
using Microsoft.Extensions.Logging;
using SmartCardCash.CardAccess;
using SmartCardCash.Cli.Conformance;
using SmartCardCash.Cli.Errors;
using SmartCardCash.Cli.Input;
using SmartCardCash.Cli.Output;
using SmartCardCash.Emulator;
using SmartCardCash.Purse.Conformance.Model;
using SmartCardCash.Purse.Conformance.Runner;

namespace SmartCardCash.Cli.Commands;

/// <summary>
/// <c>scc conformance</c>: runs the purse conformance vectors (applet-spec/vectors) against fresh in-memory emulated
/// purses, one per card script, or against one card given with --card (a blank purse: one script per fresh card).
/// </summary>
internal sealed class ConformanceCommand : CliCommand
{
    public const string Description =
        "Check a purse applet against the conformance vectors of applet-spec/vectors/purse-v1.json, through APDUs " +
        "only. By default every card script runs on a fresh in-memory emulated purse; with --card, one script runs on " +
        "that card, which must hold a freshly installed, unpersonalised purse (personalisation is one-way).";

    public const string Epilog =
        """
        Notes:
          The vectors are built into scc; --vectors runs another file of the same format.
          Each card script needs its own fresh purse: 'merchant' (105 vectors, ends with the purse terminated),
          'bank' (13 vectors) and 'customer' (17 vectors, ends terminated too). With --card choose one with --script;
          run the others on other fresh cards.
          A blank emulated purse for --card: scc card new NAME --blank [--interface contactless]
          Without --interface, a card whose ATR is the PC/SC contactless pseudo-ATR (3B 8x 80 01 ...) is tested as
          contactless, any other as contact.
          Exit code 0 when every vector passed, 1 when any failed (the report shows the step, the exchange and the
          first difference).
        """;

    private readonly Option<string?> _card = new("--card", "-c")
    {
        Description = "The card under test: emu:NAME, pcsc:READER or a bare NAME, holding a just-installed " +
            "purse. Default: fresh in-memory emulated purses (SCC_CARD is not used).",
        HelpName = "card",
    };

    private readonly Option<string?> _vectors = new("--vectors")
    {
        Description = "A vector file to run instead of the built-in purse-v1.json.",
        HelpName = "file",
    };

    private readonly Option<string?> _script = new("--script")
    {
        Description = "Run only this card script (merchant, bank or customer). Required with --card when the file has several.",
        HelpName = "id",
    };

    private readonly Option<string?> _interface = ChoiceOption.OneOf(new Option<string?>("--interface")
    {
        Description = "contact or contactless: the interface the card is reached through (steps for the other are " +
            "skipped). Default: contact for in-memory purses; with --card, from the card's ATR.",
        HelpName = "interface",
    }, "contact", "contactless");

    public ConformanceCommand(GlobalOptions globals, CliContext context)
        : base(globals, context, "conformance", Description)
    {
        Add(_card, _vectors, _script, _interface);
    }

    protected override int Execute(CommandRun run)
    {
        (VectorFile file, string vectorsName) = VectorSource.Load(run.Get(_vectors));
        string? scriptId = run.Get(_script);
        if (scriptId is not null && file.Cards.All(c => c.Id != scriptId))
        {
            throw new UsageException($"--script: the vectors have no card script '{scriptId}'; they have {ScriptList(file)}");
        }
        VectorFile selected = scriptId is null ? file : file.ForCard(scriptId);
        CardInterfaceKind? wanted = run.Get(_interface) switch
        {
            "contact" => CardInterfaceKind.Contact,
            "contactless" => CardInterfaceKind.Contactless,
            _ => null,
        };
        string? cardText = run.Get(_card);

        (ConformanceReport report, string cardName, CardInterfaceKind used) = cardText is null
            ? RunInMemory(selected, wanted ?? CardInterfaceKind.Contact, run.Trace)
            : RunOnCard(run, selected, cardText, scriptId, wanted);

        run.Write(ToJson(report, selected, vectorsName, cardName, used), () => Print(report, selected, vectorsName, cardName, used));
        return report.AllPassed ? ExitCodes.Success : ExitCodes.CardError;
    }

    private (ConformanceReport, string, CardInterfaceKind) RunInMemory(VectorFile file, CardInterfaceKind via, ILogger? trace)
    {
        InterfaceProfile profile = via == CardInterfaceKind.Contactless ? InterfaceProfile.Contactless : InterfaceProfile.ContactT1;
        ConformanceReport report = ConformanceRunner.Run(
            script => new ConformanceChannel(
                EmulatedCardStore.CreateInMemoryPurseCard(profile).OpenChannel($"emulator:{script.Id}"), ownsInner: true,
                Context.Interrupt, trace),
            file, new RunnerOptions { Interface = via });
        return (report, "fresh in-memory emulated purses", via);
    }

    private (ConformanceReport, string, CardInterfaceKind) RunOnCard(CommandRun run, VectorFile file, string cardText,
        string? scriptId, CardInterfaceKind? wanted)
    {
        if (scriptId is null && file.Cards.Count != 1)
        {
            throw new UsageException(
                $"a card runs one card script, and each needs a fresh purse: choose one with --script ({ScriptList(file)})");
        }
        CardAddress address;
        try
        {
            address = CardAddress.Parse(cardText);
        }
        catch (FormatException e)
        {
            throw new UsageException(ErrorReporter.OneLine(e.Message));
        }
        using CardConnection card = run.CreateOpener().Open(address);
        CardInterfaceKind via = wanted ?? (IsContactlessAtr(card.Channel.Atr.Span) ? CardInterfaceKind.Contactless : CardInterfaceKind.Contact);
        using var channel = new ConformanceChannel(card.Channel, ownsInner: false, Context.Interrupt, run.Trace);
        ConformanceReport report = ConformanceRunner.Run(channel, file, new RunnerOptions { Interface = via });
        return (report, $"{card.DisplayName} ({card.Address})", via);
    }

    /// <summary>The PC/SC part 3 pseudo-ATR a reader makes up for a contactless card: 3B 8n 80 01 ….</summary>
    internal static bool IsContactlessAtr(ReadOnlySpan<byte> atr) =>
        atr.Length >= 4 && atr[0] == 0x3B && (atr[1] & 0xF0) == 0x80 && atr[2] == 0x80 && atr[3] == 0x01;

    private static string ScriptList(VectorFile file) => string.Join(", ", file.Cards.Select(c => c.Id));

    private static string InterfaceName(CardInterfaceKind via) => via == CardInterfaceKind.Contactless ? "contactless" : "contact";

    private void Print(ConformanceReport report, VectorFile file, string vectorsName, string cardName, CardInterfaceKind via)
    {
        TextWriter stdout = Context.Stdout;
        stdout.WriteLine($"# {vectorsName}: card scripts {ScriptList(file)} on {cardName}, {InterfaceName(via)}");
        foreach (VectorResult result in report.Results)
        {
            if (result.Passed)
            {
                stdout.WriteLine($"PASS {result.Card}/{result.Id}");
            }
            else
            {
                // The step, what was sent, what came back and the first difference.
                stdout.WriteLine($"FAIL {result.Card}/{result.Id} ({result.Command}): {result.Title}");
                StepResult? failure = FailureOf(result);
                if (failure is not null)
                {
                    stdout.WriteLine($"  step {failure.Index + 1}: {failure.Failure}");
                    if (failure.Command is not null)
                    {
                        stdout.WriteLine($"  sent:     {failure.Command}");
                    }
                    if (failure.Response is not null)
                    {
                        stdout.WriteLine($"  received: {failure.Response}");
                    }
                }
            }
        }
        stdout.WriteLine($"{report.PassedCount} of {report.Results.Count} vectors passed, {report.FailedCount} failed.");
    }

    private static ConformanceJson ToJson(ConformanceReport report, VectorFile file, string vectorsName, string cardName,
        CardInterfaceKind via) => new(
        vectorsName,
        file.Specification,
        cardName,
        InterfaceName(via),
        [.. file.Cards.Select(c => c.Id)],
        report.Results.Count,
        report.PassedCount,
        report.FailedCount,
        [.. report.Results.Select(r => new ConformanceVectorJson(r.Card, r.Id, r.Command, r.Title, r.Passed,
            r.Steps.Count(s => s.Outcome == StepOutcome.Passed),
            r.Steps.Count(s => s.Outcome == StepOutcome.Skipped),
            FailureOf(r) is { } f ? new ConformanceFailureJson(f.Index + 1, f.Failure ?? "not run", f.Command, f.Response) : null))]);

    /// <summary>The first failed step; for a vector never started because the card had stopped answering, its first step.</summary>
    private static StepResult? FailureOf(VectorResult result) => result.Passed
        ? null
        : result.FirstFailure ?? result.Steps.FirstOrDefault(s => s.Outcome == StepOutcome.NotRun);
}
