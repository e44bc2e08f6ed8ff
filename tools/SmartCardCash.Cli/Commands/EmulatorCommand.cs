using System.CommandLine;
using System.Net;
using SmartCardCash.Cli.Attach;
using SmartCardCash.Cli.Input;
using SmartCardCash.Emulator.Vpcd;

namespace SmartCardCash.Cli.Commands;

/// <summary>
/// <c>scc emulator attach</c>: puts emulated card images into the readers of vsmartcard's vpcd driver in pcscd, so
/// every PC/SC program sees them, until Ctrl+C or SIGTERM.
/// </summary>
internal sealed class EmulatorCommand
{
    public const string Description = "Emulated cards in the real PC/SC stack (vsmartcard's vpcd readers in pcscd).";

    public const string AttachDescription =
        "Put emulated cards into vpcd's readers in pcscd, where every PC/SC program sees them (\"Virtual PCD 00 00\" " +
        "for slot 0, \"Virtual PCD 00 01\" for slot 1 with Debian's vpcd), and keep them there until Ctrl+C or " +
        "SIGTERM; then take them out, save their images and unlock them. Prints each event as it happens.";

    public const string AttachEpilog =
        """
        Examples:
          scc emulator attach --slot 0 alice --slot 1 bob
          scc emulator attach --slot 0 alice --slot 1 shop --contactless 1
          scc emulator attach --slot 0 alice --tear 0:during:7 --reinsert-after 1.5s

        Tearing (for testers):
          Command APDUs are numbered per slot from 1, from the start of the attach: every command vpcd delivers,
          GET RESPONSE and the contactless UID command FF CA included; power and ATR requests are not counted.
          --tear SLOT:before:K       card pulled out when command K arrives; the card never sees it
          --tear SLOT:during:K[:W]   power lost at the W-th persistent write of command K (0 = its first; default 0);
                                     the card recovers to the state before or after the command; no answer
          --tear SLOT:after:K        command K answered, then the card pulled out
          --tear-random SLOT:SEED:P[:POINT]  each command torn with probability P (0 to 1), during (default),
                                     before or after; the same seed tears the same commands of the same sequence
          A torn card stays out until --reinsert-after (500ms, 1.5s, 2m); keep it above pcscd's 400 ms presence
          poll, e.g. 1s, or pcscd may not notice the card was gone. Without it the card stays out until the next attach.

        Notes:
          pcscd must run with vsmartcard-vpcd installed (sudo apt install pcscd vsmartcard-vpcd). With vpcd on this
          machine, scc holds a PC/SC context while attached: that starts a socket-activated pcscd, and keeps one
          started with --auto-exit (Debian's unit) from quitting after 60 s without clients and dropping the cards.
          No PC/SC service at the start is exit 3 before any card goes in; a pcscd that stops once the cards are in
          is waited for: the slots say "reconnecting" and the cards go back in when it is back. A slot that another
          card takes meanwhile says "occupied", and its card goes back in when that card leaves.
          vpcd listens on 35963 + slot on all interfaces: anyone who can reach those ports can put a card into this
          machine's readers.
          An image stays locked while attached: other scc commands reach the card through its reader
          (--card "pcsc:Virtual PCD 00 00"), not as emu:NAME.
          With --json each event is one JSON line.
          Exit codes: 0 after Ctrl+C/SIGTERM; 2 bad options; 3 unknown card, no PC/SC service on this machine, vpcd
          not listening, or its slot holding another card; 7 an image in use by another process or damaged, or a slot
          stopped because its image could not be saved.
        """;

    /// <summary>The highest slot number --slot takes (see AttachArguments), so --contactless takes the same.</summary>
    private const int MaxSlot = 255;

    private readonly Option<string[]> _slots = new("--slot")
    {
        Description = "A vpcd slot number and the emulated card to put there (a card image's name or emu:NAME). Repeat for more cards.",
        HelpName = "slot> <card",
        Arity = new ArgumentArity(2, 2),
        AllowMultipleArgumentsPerToken = true,
        Required = true,
    };

    private readonly Option<int[]> _contactless = NumberOption.InRange(new Option<int[]>("--contactless")
    {
        Description = "Present the card in this slot contactless: PC/SC pseudo-ATR, UID through FF CA, the purse's contactless limit applies. Repeatable.",
        HelpName = "slot",
    }, 0, MaxSlot);

    private readonly Option<string[]> _interfaces = new("--interface")
    {
        Description = $"{AttachArguments.InterfaceSyntax}: the interface of one slot (default: the card image's own). Repeatable.",
        HelpName = "slot:interface",
    };

    private readonly Option<string[]> _tears = new("--tear")
    {
        Description = $"{AttachArguments.TearSyntax}: pull the card out at command COMMAND of the slot (see below). One plan per slot.",
        HelpName = "plan",
    };

    private readonly Option<string[]> _randomTears = new("--tear-random")
    {
        Description = $"{AttachArguments.TearRandomSyntax}: tear each command of the slot with a probability, reproducibly from SEED.",
        HelpName = "plan",
    };

    private readonly Option<string?> _reinsertAfter = new("--reinsert-after")
    {
        Description = "Put a torn card back after this long (500ms, 1.5s, 2m). Default: it stays out.",
        HelpName = "duration",
    };

    private readonly Option<string> _host = new("--host")
    {
        Description = "Where vpcd listens.",
        DefaultValueFactory = _ => VpcdSlotOptions.DefaultHost,
        HelpName = "host",
    };

    private readonly Option<int> _portBase = NumberOption.InRange(new Option<int>("--port-base")
    {
        Description = "vpcd's port for slot 0; slot N uses this + N (Debian's /etc/reader.conf.d/vpcd: 35963).",
        DefaultValueFactory = _ => VpcdBridge.DefaultBasePort,
        HelpName = "port",
    }, 1, IPEndPoint.MaxPort);

    private readonly Option<string> _connectTimeout = new("--connect-timeout")
    {
        Description = "How long every slot has to reach vpcd at the start before scc gives up (exit 3).",
        DefaultValueFactory = _ => "5s",
        HelpName = "duration",
    };

    public EmulatorCommand(GlobalOptions globals, CliContext context)
    {
        // Each --slot takes exactly two values; "--slot 0 --slot 1 bob" would otherwise pass as slot 0 holding "1".
        _slots.Validators.Add(result =>
        {
            if (result.Tokens.Count != 2 * result.IdentifierTokenCount)
            {
                result.AddError("--slot takes a slot number and a card each time: --slot 0 alice --slot 1 bob");
            }
        });
        Attach = new Command("attach", AttachDescription)
        {
            _slots, _contactless, _interfaces, _tears, _randomTears, _reinsertAfter, _host, _portBase, _connectTimeout,
        };
        Attach.SetAction(CommandRun.Action(globals, context, Execute));
        Command = new Command("emulator", Description) { Attach };
    }

    public Command Command { get; }

    public Command Attach { get; }

    private int Execute(CommandRun run)
    {
        AttachPlan plan = AttachArguments.Parse(
            run.Get(_slots) ?? [],
            run.Get(_contactless) ?? [],
            run.Get(_interfaces) ?? [],
            run.Get(_tears) ?? [],
            run.Get(_randomTears) ?? [],
            run.Get(_reinsertAfter),
            run.Get(_host)!,
            run.Get(_portBase),
            run.Get(_connectTimeout)!);
        return new AttachRun(run.Context, plan, run.Settings.Json, run.Logging, run.Trace).Run();
    }
}
