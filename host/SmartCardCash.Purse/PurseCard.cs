using Microsoft.Extensions.Logging;
using SmartCardCash.Iso7816;
using SmartCardCash.Iso7816.Pipeline;
using SmartCardCash.Purse.Errors;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse;

/// <summary>
/// The purse application on one card, as typed methods: one method per command of spec section 5, each checking the
/// status word and parsing the response. Works over any <see cref="IApduTransmitter"/>, so an emulated card, a card in
/// a PC/SC reader and a remote card are driven alike.
/// </summary>
/// <remarks>
/// <para>Every error status word becomes a <see cref="PurseException"/> subtype chosen for the command that got it
/// (spec section 5 tables), with a plain message naming the purse by <see cref="Name"/>. Where the host can know more
/// (the balance behind 9401, the limit behind 9403, whether 6982 on START FROM means "locked") it reads it with GET
/// DATA, which changes nothing, and says it.</para>
/// <para>Nothing selects implicitly: call <see cref="Select"/> first on every card connection, as the purse clears its
/// session state (verified peer, verified lock code) at each SELECT.</para>
/// <para>Not thread-safe, like the card under it.</para>
/// <para>One file per concern: this one (construction, SELECT, sending and error mapping), <c>PurseCard.Data.cs</c>
/// (GET DATA, logs, info), <c>.LockCode.cs</c>, <c>.Transfer.cs</c> (certificates, START FROM/TO, REQ, VAL, ACK,
/// RESUME, ABORT), <c>.Issuer.cs</c> (issuer authorisations, mint, clear log) and <c>.Personalisation.cs</c>.</para>
/// </remarks>
public sealed partial class PurseCard
{
    private const byte PutDataInstruction = 0xDA;

    private readonly IPurseCrypto _crypto;

    /// <param name="transmitter">The card; normally an <see cref="ApduPipeline"/> (GET RESPONSE is its business).</param>
    /// <param name="name">How messages name the purse ("alice"); "the purse" when null.</param>
    /// <param name="crypto">For verifying exception-log signatures; <see cref="P256.Shared"/> when null.</param>
    public PurseCard(IApduTransmitter transmitter, string? name = null, IPurseCrypto? crypto = null)
    {
        ArgumentNullException.ThrowIfNull(transmitter);
        Transmitter = transmitter;
        Name = string.IsNullOrWhiteSpace(name) ? "the purse" : name;
        _crypto = crypto ?? P256.Shared;
    }

    public IApduTransmitter Transmitter { get; }

    /// <summary>The purse's name in messages: a card name, a reader, or "the purse".</summary>
    public string Name { get; }

    /// <summary>
    /// A purse over <paramref name="channel"/> through an <see cref="ApduPipeline"/> with <see cref="PipelineOptions"/>.
    /// The pipeline does not own the channel.
    /// </summary>
    /// <param name="trace">Receives the APDU trace; null for none.</param>
    public static PurseCard Open(ICardChannel channel, string? name = null, ILogger? trace = null)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return new PurseCard(new ApduPipeline(channel, PipelineOptions(), trace), name ?? channel.Name);
    }

    /// <summary>
    /// The pipeline settings for a purse: the defaults (GET RESPONSE, 6Cxx resend), plus PUT DATA's data redacted in the
    /// trace, because personalisation sends the lock code with it (the lock-code commands are redacted already).
    /// </summary>
    public static ApduPipelineOptions PipelineOptions()
    {
        var options = new ApduPipelineOptions();
        options.Trace.RedactedInstructions.Add(PutDataInstruction);
        return options;
    }

    /// <summary>
    /// SELECT: makes the purse current and returns its FCI. A BLOCKED purse answers 6283 with its FCI, which is
    /// returned too (<see cref="PurseFci.Lifecycle"/> says so).
    /// </summary>
    /// <exception cref="PurseNotFoundException">The card has no purse application.</exception>
    /// <exception cref="PurseTerminatedException">The purse is terminated.</exception>
    public PurseFci Select()
    {
        ResponseApdu response = Transmitter.Transmit(PurseCommands.Select());
        if (!response.IsSuccess && response.StatusWord != PurseStatusWords.PurseBlocked)
        {
            throw Error(PurseCommand.Select, response.StatusWord);
        }
        return PurseResponses.ParseFci(response.Data.Span);
    }

    private ResponseApdu Send(PurseCommand command, CommandApdu apdu)
    {
        ResponseApdu response = Transmitter.Transmit(apdu);
        return response.IsSuccess ? response : throw Error(command, response.StatusWord);
    }

    private PurseException Error(PurseCommand command, StatusWord statusWord) => PurseErrors.Map(command, statusWord, Name);

    internal static string ClassName(PurseClass purseClass) => purseClass switch
    {
        PurseClass.Customer => "customer",
        PurseClass.Merchant => "merchant",
        PurseClass.Bank => "bank",
        PurseClass.Issuer => "issuer",
        _ => $"class {(byte)purseClass:X2}",
    };
}
