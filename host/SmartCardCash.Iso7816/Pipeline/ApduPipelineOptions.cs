namespace SmartCardCash.Iso7816.Pipeline;

/// <summary>Which transforms <see cref="ApduPipeline"/> puts between the caller and the card. Read once, when the pipeline is built.</summary>
public sealed class ApduPipelineOptions
{
    /// <summary>Fetch data announced by 61xx with GET RESPONSE (<see cref="GetResponseTransform"/>). On by default.</summary>
    public bool AutoGetResponse { get; set; } = true;

    /// <summary>Resend once with the exact Le when the card answers 6Cxx (<see cref="WrongLengthRetryTransform"/>). On by default.</summary>
    public bool ResendOnWrongLength { get; set; } = true;

    /// <summary>Split long command data into a command chain (<see cref="CommandChainingTransform"/>). On by default.</summary>
    public bool CommandChaining { get; set; } = true;

    /// <summary>The most command data bytes the card accepts in one command; longer data is chained. Default 255.
    /// To send long data in one extended APDU, also set <see cref="ExtendedLengthSupported"/>.</summary>
    public int MaxCommandDataLength { get; set; } = CommandApdu.MaxShortDataLength;

    /// <summary>Whether the card accepts extended length APDUs. Off by default: extended commands are then turned into
    /// short ones (data chained, Ne above 256 lowered to 256) when <see cref="CommandChaining"/> is on.</summary>
    public bool ExtendedLengthSupported { get; set; }

    /// <summary>The most response data GET RESPONSE collects before giving up on a card stuck in 61xx. Default 65536.</summary>
    public int MaxResponseLength { get; set; } = GetResponseTransform.DefaultMaxResponseLength;

    /// <summary>
    /// Transforms run outermost, in list order, before command chaining: the place for secure messaging, which
    /// protects whole commands and unprotects whole responses.
    /// </summary>
    public IList<IApduTransform> CustomTransforms { get; } = new List<IApduTransform>();

    /// <summary>What the APDU trace shows; the trace runs only when the pipeline has a logger.</summary>
    public ApduTraceOptions Trace { get; set; } = new();
}
