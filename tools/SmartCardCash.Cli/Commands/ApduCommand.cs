using System.CommandLine;
using Microsoft.Extensions.Logging;
using SmartCardCash.Cli.Errors;
using SmartCardCash.Cli.Help;
using SmartCardCash.Cli.Output;
using SmartCardCash.Cli.Readers;
using SmartCardCash.Iso7816;
using SmartCardCash.Iso7816.Errors;
using SmartCardCash.Iso7816.Pipeline;
using SmartCardCash.Pcsc;

namespace SmartCardCash.Cli.Commands;

/// <summary><c>scc apdu</c>: sends command APDUs to one card, in one connection and one transaction.</summary>
internal sealed class ApduCommand : CliCommand
{
    private readonly Option<string?> _reader = ReaderOption.Create();
    private readonly Option<bool> _raw = new("--raw")
    {
        Description = "Send each APDU once and show the card's answer as is: no GET RESPONSE for 61xx, no resend for 6Cxx.",
    };
    private readonly Argument<string[]> _apdus = new("apdu")
    {
        Description = "Command APDUs in hex, e.g. 00A4040007A0000008700101 (quote one that has spaces).",
        Arity = ArgumentArity.OneOrMore,
    };

    public ApduCommand(GlobalOptions globals, CliContext context)
        : base(globals, context, "apdu", HelpTexts.ApduDescription)
    {
        Add(_reader, _raw);
        Add(_apdus);
    }

    /// <summary>Decodes every argument before any card is touched, so bad input never reaches a card.</summary>
    internal static IReadOnlyList<CommandApdu> ParseCommands(IReadOnlyList<string> arguments)
    {
        var commands = new List<CommandApdu>(arguments.Count);
        for (int i = 0; i < arguments.Count; i++)
        {
            string where = arguments.Count == 1 ? string.Empty : $" in APDU {i + 1}";
            byte[] bytes;
            try
            {
                bytes = Hex.Decode(arguments[i]);
            }
            catch (FormatException e)
            {
                throw new UsageException($"malformed hex{where}: {ErrorReporter.OneLine(e.Message)}");
            }
            try
            {
                commands.Add(CommandApdu.Parse(bytes));
            }
            catch (ApduFormatException e)
            {
                throw new UsageException(
                    $"impossible APDU{where} {(bytes.Length == 0 ? "(empty)" : Hex.Encode(bytes))}: {ErrorReporter.OneLine(e.Message)}");
            }
        }
        return commands;
    }

    protected override int Execute(CommandRun run)
    {
        IReadOnlyList<CommandApdu> commands = ParseCommands(run.Get(_apdus) ?? []);
        var request = ReaderRequest.Resolve(run.Get(_reader), Context.GetEnvironmentVariable);
        bool raw = run.Get(_raw);

        using PcscContext pcsc = run.EstablishPcsc();
        string readerName = ReaderSelector.Select(pcsc.GetReaderStates(), run.ReaderFilter, request);
        Context.Interrupt.ThrowIfCancellationRequested();
        using PcscCard card = pcsc.Connect(readerName, PcscShareMode.Shared, PcscProtocols.Any);
        try
        {
            return Exchange(card, commands, raw, run.Settings.Json, run.Trace);
        }
        catch (SmartCardException e) when (e is not ApduFormatException)
        {
            // A card pulled out mid-command is a CardRemovedException from PcscCard itself, even where the reader
            // (vpcd) reports it as an empty answer.
            throw new CardExchangeException(e);
        }
    }

    /// <summary>The pipeline sends straight through the <see cref="PcscCard"/>: it is the channel.</summary>
    private int Exchange(PcscCard card, IReadOnlyList<CommandApdu> commands, bool raw, bool json, ILogger? trace)
    {
        // scc apdu sends what was typed: no command chaining; a chain is typed with CLA bit 0x10 like any other.
        var options = new ApduPipelineOptions
        {
            AutoGetResponse = !raw,
            ResendOnWrongLength = !raw,
            CommandChaining = false,
        };
        string atr = Hex.Encode(card.Atr.Span);
        string? protocol = Formats.Protocol(card.Protocol);
        TextWriter stdout = Context.Stdout;
        if (!json)
        {
            stdout.WriteLine($"# {card.ReaderName}{(protocol is null ? string.Empty : ", " + protocol)}, ATR {atr}");
        }

        var exchanges = new List<ApduExchangeJson>(commands.Count);
        bool allSucceeded = true;
        using (card.BeginTransaction())
        {
            var pipeline = new ApduPipeline(card, options, trace);
            foreach (CommandApdu command in commands)
            {
                Context.Interrupt.ThrowIfCancellationRequested();
                if (!json)
                {
                    stdout.WriteLine($"> {command.ToHex()}");
                }
                ResponseApdu response = pipeline.Transmit(command);
                allSucceeded &= response.IsSuccess;
                string data = Hex.Encode(response.Data.Span);
                if (json)
                {
                    exchanges.Add(new ApduExchangeJson(command.ToHex(), data, response.StatusWord.ToString(),
                        response.StatusWord.Meaning));
                }
                else
                {
                    stdout.WriteLine($"< {(data.Length == 0 ? string.Empty : data + " ")}{response.StatusWord.ToDisplayString()}");
                }
            }
        }

        if (json)
        {
            JsonOutput.WriteDocument(Context.Stdout, new ApduRunJson(card.ReaderName, protocol, atr, exchanges));
        }
        return allSucceeded ? ExitCodes.Success : ExitCodes.CardError;
    }
}
