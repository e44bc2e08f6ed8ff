using SmartCardCash.Cli.Errors;
using SmartCardCash.Emulator.Images;
using SmartCardCash.Iso7816;
using SmartCardCash.Iso7816.Errors;
using SmartCardCash.Pcsc;
using SmartCardCash.Pcsc.Errors;

namespace SmartCardCash.Cli.Tests;

public sealed class ErrorReporterTests
{
    public static TheoryData<Exception, int> Cases => new()
    {
        { new UsageException("malformed hex"), ExitCodes.UsageError },
        { new ApduFormatException("too long"), ExitCodes.UsageError },
        { new CardStatusException(StatusWord.FileOrApplicationNotFound), ExitCodes.CardError },
        { PcscErrors.CreateException(PcscError.NoService), ExitCodes.Unavailable },
        { PcscErrors.CreateException(PcscError.UnknownReader, readerName: "x"), ExitCodes.Unavailable },
        { PcscErrors.CreateException(PcscError.NoSmartCard, cardConnected: false), ExitCodes.Unavailable },
        { PcscErrors.CreateException(PcscError.SharingViolation), ExitCodes.Unavailable },
        { PcscErrors.CreateException(PcscError.RemovedCard, cardConnected: true), ExitCodes.CommunicationFailure },
        { PcscErrors.CreateException(PcscError.ResetCard, cardConnected: true), ExitCodes.CommunicationFailure },
        { PcscErrors.CreateException(PcscError.NotTransacted, cardConnected: true), ExitCodes.CommunicationFailure },
        { PcscErrors.CreateException(PcscError.ProtocolMismatch), ExitCodes.CommunicationFailure },
        { new CardExchangeException(new ReaderUnavailableException("reader unplugged")), ExitCodes.CommunicationFailure },
        { new UnauthorizedAccessException("Access to the path '/srv/scc/issuer/issuer.lock' is denied."), ExitCodes.LocalData },
        { new IOException("No space left on device : '/srv/scc/cards/alice.card.tmp'"), ExitCodes.LocalData },
        { new CardCommunicationException("emulator:alice: the image cannot be saved", new CardImageSaveException("alice",
            "/srv/scc/cards/alice.card", new UnauthorizedAccessException())), ExitCodes.LocalData },
        { new OperationCanceledException(), ExitCodes.InternalError },
        { new NullReferenceException(), ExitCodes.InternalError },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_kind_of_failure_has_its_exit_code(Exception exception, int exitCode)
    {
        Assert.Equal(exitCode, ErrorReporter.Classify(exception, interrupted: false).ExitCode);
    }

    [Fact]
    public void Cancellation_after_an_interrupt_is_exit_130()
    {
        Assert.Equal((ExitCodes.Interrupted, "interrupted"),
            ErrorReporter.Classify(new PcscCancelledException(PcscError.Cancelled, "cancelled"), interrupted: true));
    }

    [Theory]
    [InlineData("the card said no.", "the card said no")]
    [InlineData("first line\r\n  second line.", "first line second line")]
    [InlineData("and so on...", "and so on...")]
    public void Messages_become_one_line_without_the_final_full_stop(string message, string expected)
    {
        Assert.Equal(expected, ErrorReporter.OneLine(message));
    }

    [Fact]
    public void Report_writes_one_prefixed_line_and_the_stack_trace_only_when_verbose()
    {
        Exception error;
        try
        {
            throw new NoCardException("there is no card in 'Reader A'.");
        }
        catch (NoCardException e)
        {
            error = e;
        }
        var quiet = new StringWriter();
        var verbose = new StringWriter();

        int quietCode = ErrorReporter.Report(error, quiet, verbose: false, interrupted: false);
        ErrorReporter.Report(error, verbose, verbose: true, interrupted: false);

        Assert.Equal(ExitCodes.Unavailable, quietCode);
        Assert.Equal("scc: there is no card in 'Reader A'" + Environment.NewLine, quiet.ToString());
        Assert.StartsWith("scc: there is no card in 'Reader A'", verbose.ToString());
        Assert.Contains("   at ", verbose.ToString());
    }
}
