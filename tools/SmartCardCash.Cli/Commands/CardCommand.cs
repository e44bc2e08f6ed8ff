using System.CommandLine;
using SmartCardCash.CardAccess;
using SmartCardCash.Cli.Cards;
using SmartCardCash.Cli.Errors;
using SmartCardCash.Cli.Help;
using SmartCardCash.Cli.Input;
using SmartCardCash.Cli.Output;
using SmartCardCash.Emulator;
using SmartCardCash.Emulator.Images;
using SmartCardCash.Iso7816.Errors;
using SmartCardCash.Issuing;
using SmartCardCash.Issuing.Personalisation;
using SmartCardCash.Issuing.Storage;
using SmartCardCash.LocalData;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Errors;
using SmartCardCash.Purse.Spec;
using Spectre.Console;

namespace SmartCardCash.Cli.Commands;

/// <summary>
/// <c>scc card new | list | delete | personalise</c>: emulated purse cards in $SCC_HOME/cards, and personalisation of
/// a blank card anywhere (a real one in a PC/SC reader).
/// </summary>
internal sealed class CardCommand
{
    private readonly GlobalOptions _globals;
    private readonly CliContext _context;

    public CardCommand(GlobalOptions globals, CliContext context)
    {
        _globals = globals;
        _context = context;
        Command = new Command("card", HelpTexts.CardDescription)
        {
            BuildNew(), BuildList(), BuildDelete(), BuildPersonalise(),
        };
    }

    public Command Command { get; }

    private Command BuildNew()
    {
        var name = new Argument<string>("name") { Description = "The card's name: letters, digits, '.', '_' or '-', up to 64." };
        var options = new PersonalisationOptions();
        var iface = ChoiceOption.OneOf(new Option<string>("--interface")
        {
            Description = "How the card talks: contact-t1, contact-t0 (every answer through GET RESPONSE) or contactless " +
                "(payments above the contactless limit need the lock code).",
            DefaultValueFactory = _ => "contact-t1",
            HelpName = "interface",
        }, "contact-t1", "contact-t0", "contactless");
        var blank = new Option<bool>("--blank")
        {
            Description = "Make the card with its purse installed but not personalised (no issuer needed): for " +
                "'scc card personalise', or for 'scc conformance --card emu:NAME'.",
        };
        var command = new Command("new", HelpTexts.CardNewDescription) { name, iface, blank };
        foreach (Option option in options.All)
        {
            command.Options.Add(option);
        }
        // --class and --currency are needed unless the card stays blank, which takes no personalisation option at all.
        options.Class.Required = false;
        options.Currency.Required = false;
        options.Class.Description += " Required unless --blank.";
        options.Currency.Description += " Required unless --blank.";
        command.Validators.Add(result =>
        {
            var given = options.All.Where(option => result.GetResult(option) is { Implicit: false }).Select(o => o.Name).ToList();
            if (result.GetValue(blank))
            {
                if (given.Count > 0)
                {
                    result.AddError($"--blank makes a card whose purse is not personalised: {string.Join(", ", given)} " +
                        (given.Count == 1 ? "does" : "do") + " not apply");
                }
                return;
            }
            foreach (Option required in new Option[] { options.Class, options.Currency }.Where(o => !given.Contains(o.Name)))
            {
                result.AddError($"Option '{required.Name}' is required.");
            }
        });
        command.SetAction(Action(run => run.Get(blank)
            ? NewBlank(run, run.Get(name)!, run.Get(iface)!)
            : New(run, run.Get(name)!, run.Get(iface)!, options)));
        return command;
    }

    private Command BuildList()
    {
        var command = new Command("list", HelpTexts.CardListDescription);
        command.SetAction(Action(List));
        return command;
    }

    private Command BuildDelete()
    {
        var name = new Argument<string>("name") { Description = "The card to delete." };
        var force = new Option<bool>("--force")
        {
            Description = "Delete even a card that holds value, has exception records or a transfer in progress, or is damaged: " +
                "whatever it holds is lost.",
        };
        var command = new Command("delete", HelpTexts.CardDeleteDescription) { name, force };
        command.SetAction(Action(run => Delete(run, run.Get(name)!, run.Get(force))));
        return command;
    }

    private Command BuildPersonalise()
    {
        var card = CardOption.Create();
        var options = new PersonalisationOptions();
        var command = new Command("personalise", HelpTexts.CardPersonaliseDescription) { card };
        foreach (Option option in options.All)
        {
            command.Options.Add(option);
        }
        command.SetAction(Action(run => Personalise(run, card, options)));
        return command;
    }

    private Func<ParseResult, int> Action(Func<CommandRun, int> execute) => CommandRun.Action(_globals, _context, execute);

    private int New(CommandRun run, string name, string interfaceName, PersonalisationOptions options)
    {
        (EmulatedCardStore store, InterfaceProfile profile) = PrepareNew(name, interfaceName);
        IssuerStore issuers = IssuerAccess.Store(_context);
        Issuer? issuer = null;
        PersonalisationRequest request = options.Read(run.ParseResult, _context, () => issuer = issuers.Load());

        PersonalisationResult result;
        using (CardConnection card = store.CreatePurseCard(name, profile))
        {
            try
            {
                PurseCard purse = PurseCard.Open(card.Channel, card.DisplayName, run.Trace);
                result = new PursePersonaliser(issuer!, issuers, _context.Time).Personalise(purse, request);
            }
            catch
            {
                // A half-made card is of no use to anyone: remove it so the name can be used again.
                card.Dispose();
                TryDelete(store, name);
                throw;
            }
        }
        Report(run, name, CardAddress.Emulated(name).ToString(), issuer!, result, PurseFormats.Interface(profile), created: true);
        return ExitCodes.Success;
    }

    /// <summary>scc card new --blank: the purse installed, in PERSONALISATION, as a blank card from the factory.</summary>
    private int NewBlank(CommandRun run, string name, string interfaceName)
    {
        (EmulatedCardStore store, InterfaceProfile profile) = PrepareNew(name, interfaceName);
        store.CreatePurseCard(name, profile).Dispose();
        string address = CardAddress.Emulated(name).ToString();
        string iface = PurseFormats.Interface(profile);
        run.Write(new BlankCardJson(name, address, PurseFormats.Lifecycle(PurseLifecycle.Personalisation), iface),
            () => _context.Stdout.WriteLine($"Created blank card '{name}': purse installed, not personalised, {iface}."));
        return ExitCodes.Success;
    }

    private (EmulatedCardStore Store, InterfaceProfile Profile) PrepareNew(string name, string interfaceName)
    {
        if (!CardImageStore.IsValidName(name))
        {
            throw new UsageException($"'{name}' is not a valid card name: use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        InterfaceProfile profile = interfaceName switch
        {
            "contact-t0" => InterfaceProfile.ContactT0,
            "contactless" => InterfaceProfile.Contactless,
            _ => InterfaceProfile.ContactT1,
        };
        EmulatedCardStore store = EmulatedCardStore.ForHome(_context.Home);
        if (store.Exists(name))
        {
            throw new UsageException($"a card named '{name}' already exists; choose another name, or 'scc card delete {name}' first");
        }
        return (store, profile);
    }

    /// <summary>Best effort: the error that made the card useless is the one to report, not a failure to tidy up.</summary>
    private static void TryDelete(EmulatedCardStore store, string name)
    {
        try
        {
            store.Delete(name);
        }
        catch (Exception e) when (e is LocalDataException or IOException or UnauthorizedAccessException)
        {
            // The image stays; 'scc card delete NAME --force' removes it.
        }
    }

    private int Personalise(CommandRun run, Option<string?> cardOption, PersonalisationOptions options)
    {
        CardAddress address = run.ResolveCard(cardOption);
        IssuerStore issuers = IssuerAccess.Store(_context);
        Issuer? issuer = null;
        PersonalisationRequest request = options.Read(run.ParseResult, _context, () => issuer = issuers.Load());

        using PurseConnection card = run.OpenPurse(address);
        PersonalisationResult result = new PursePersonaliser(issuer!, issuers, _context.Time).Personalise(card.Purse, request);
        Report(run, card.Name, card.Address.ToString(), issuer!, result, null, created: false);
        return ExitCodes.Success;
    }

    private static void Report(CommandRun run, string card, string address, Issuer issuer, PersonalisationResult result,
        string? interfaceName, bool created)
    {
        CertificateBody body = result.Certificate.Body;
        var pockets = result.Pockets.Select(PurseTables.Empty).ToList();
        run.Write(new CardJson(card, address, result.PurseId.ToString(), issuer.Id.ToString(), PurseFormats.Class(result.Class),
                [.. pockets.Select(PurseTables.Json)], result.LockCodeTries, body.Effective.ToString(), body.Expiry.ToString(),
                interfaceName),
            () =>
            {
                string what = created ? $"Created card '{card}'" : $"Personalised {card}";
                run.Console.Write(new Text($"{what}: {PurseFormats.Class(result.Class)} purse {result.PurseId}, issuer {issuer.Id}, " +
                    $"certificate valid {body.Effective} to {body.Expiry}, lock code with {result.LockCodeTries} " +
                    $"{(result.LockCodeTries == 1 ? "try" : "tries")}" + (interfaceName is null ? "" : $", {interfaceName}") + ".\n"));
                run.Console.Write(PurseTables.Pockets(pockets));
            });
    }

    private int List(CommandRun run)
    {
        EmulatedCardStore store = EmulatedCardStore.ForHome(_context.Home);
        var rows = new List<CardListJson>();
        foreach (string name in store.List())
        {
            _context.Interrupt.ThrowIfCancellationRequested();
            rows.Add(Describe(store, name));
        }
        run.Write<IReadOnlyList<CardListJson>>(rows, () => WriteList(run.Console, store, rows));
        return ExitCodes.Success;
    }

    private static void WriteList(IAnsiConsole console, EmulatedCardStore store, List<CardListJson> rows)
    {
        Table table = PurseTables.Create("Name", "Purse ID", "Class", "Currencies", "Balances", "Lifecycle", "Interface");
        foreach (CardListJson row in rows)
        {
            table.AddRow(new Text(row.Name), new Text(row.PurseId ?? ""), new Text(row.Class ?? ""),
                new Text(string.Join(",", row.Currencies)),
                new Text(string.Join(", ", row.Balances.Select(b => $"{b.Currency} {b.Amount}"))),
                new Text(row.Status == "ok" ? row.Lifecycle ?? "" : row.Status), new Text(row.Interface ?? ""));
        }
        console.Write(table);
        if (rows.Count == 0)
        {
            console.Write(new Text($"No cards in {store.Directory} yet; make one with 'scc card new'.\n"));
        }
    }

    /// <summary>
    /// One card's row; a card in use elsewhere, damaged or unreadable is a row saying so, not a failed listing. An image
    /// that cannot be read is "unreadable", never "damaged": the remedy for damage is deleting the card, and an image
    /// this user may not read may still hold value.
    /// </summary>
    private static CardListJson Describe(EmulatedCardStore store, string name)
    {
        try
        {
            string iface = PurseFormats.Interface(store.InterfaceOf(name));
            using CardConnection card = store.Open(name);
            PurseInfo info = PurseCard.Open(card.Channel, card.DisplayName).ReadInfo();
            return new CardListJson(name, "ok", iface, info.PurseId?.ToString(), info.Class is null ? null : PurseFormats.Class(info.Class),
                [.. info.Pockets.Select(p => p.Currency.ToString())], [.. info.Pockets.Select(p => PurseFormats.Json(p.BalanceMoney))],
                PurseFormats.Lifecycle(info.Lifecycle), null);
        }
        catch (CardImageUnavailableException e)
        {
            string status = e.Problem switch
            {
                CardImageProblem.InUse => "in use",
                CardImageProblem.Unreadable => $"unreadable ({FileProblem.Describe(e.InnerException ?? e)})",
                _ => "damaged",
            };
            return new CardListJson(name, status, null, null, null, [], [], null, ErrorReporter.OneLine(e.Message));
        }
        catch (PurseTerminatedException)
        {
            return new CardListJson(name, "ok", null, null, null, [], [], PurseFormats.Lifecycle(PurseLifecycle.Terminated), null);
        }
        catch (SmartCardException e)
        {
            return new CardListJson(name, "unreadable", null, null, null, [], [], null, ErrorReporter.OneLine(e.Message));
        }
    }

    private int Delete(CommandRun run, string name, bool force)
    {
        EmulatedCardStore store = EmulatedCardStore.ForHome(_context.Home);
        if (!force)
        {
            string? reason = ReasonToKeep(store, name);
            if (reason is not null)
            {
                throw new UsageException($"card '{name}' {reason}; pay it out first, or delete it anyway with --force");
            }
        }
        store.Delete(name);
        run.Write(new DeletedJson(name, true), () => _context.Stdout.WriteLine($"Deleted card '{name}'."));
        return ExitCodes.Success;
    }

    /// <summary>Why deleting would destroy value or evidence, or null when the purse holds neither.</summary>
    private static string? ReasonToKeep(EmulatedCardStore store, string name)
    {
        PurseInfo info;
        try
        {
            using CardConnection card = store.Open(name);
            info = PurseCard.Open(card.Channel, card.DisplayName).ReadInfo();
        }
        catch (Exception e) when (e is PurseTerminatedException or PurseNotFoundException)
        {
            // A terminated purse holds nothing by construction; a card without a purse holds no value.
            return null;
        }
        catch (CardImageUnavailableException e) when (e.Problem == CardImageProblem.Unreadable)
        {
            // Not damaged: its value is unknown until it can be read, so deleting is not offered.
            throw new LocalDataException($"card '{name}' is not deleted: it cannot be read " +
                $"({(e.InnerException ?? e).Message.TrimEnd('.')}), so whether it holds value cannot be checked", e);
        }
        catch (CardImageUnavailableException e) when (e.Problem != CardImageProblem.InUse)
        {
            return "is damaged and cannot be read (its value cannot be checked)";
        }
        var held = info.Pockets.Where(p => p.Balance > 0).Select(p => p.BalanceMoney.ToString()).ToList();
        if (held.Count > 0)
        {
            return $"still holds {string.Join(" and ", held)}";
        }
        if (info.ExceptionLog.Count > 0)
        {
            return $"has {info.ExceptionLog.Count} exception-log records (value the bank has not settled)";
        }
        if (info.TransferState != TransferState.Idle)
        {
            return $"is in the middle of a transfer ({PurseFormats.TransferState(info.TransferState)})";
        }
        return null;
    }
}
