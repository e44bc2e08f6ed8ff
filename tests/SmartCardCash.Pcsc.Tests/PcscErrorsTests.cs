namespace SmartCardCash.Pcsc.Tests;

public sealed class PcscErrorsTests
{
    public static TheoryData<PcscError> AllErrors()
    {
        var data = new TheoryData<PcscError>();
        foreach (var error in Enum.GetValues<PcscError>().Where(e => e != PcscError.Success))
        {
            data.Add(error);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllErrors))]
    public void Every_code_has_a_name_a_message_and_an_exception_carrying_the_code(PcscError error)
    {
        Assert.Contains(error, PcscErrors.KnownErrors);
        var name = PcscErrors.GetName(error);
        Assert.Matches("^(SCARD_[EFWP]_|ERROR_)[A-Z0-9_]+$", name);

        var exception = PcscErrors.CreateException(error);

        Assert.EndsWith($"[{name}]", exception.Message);
        Assert.False(string.IsNullOrWhiteSpace(PcscErrors.GetMessage(error)));
        var native = exception switch
        {
            SmartCardException s => s.NativeErrorCode,
            PcscCancelledException c => c.NativeErrorCode,
            _ => null,
        };
        Assert.Equal((long)(uint)error, native);
    }

    [Theory]
    [InlineData(PcscError.NoService, typeof(CardServiceUnavailableException))]
    [InlineData(PcscError.ServiceStopped, typeof(CardServiceUnavailableException))]
    [InlineData(PcscError.Shutdown, typeof(CardServiceUnavailableException))]
    [InlineData(PcscError.NoReadersAvailable, typeof(ReaderUnavailableException))]
    [InlineData(PcscError.UnknownReader, typeof(ReaderUnavailableException))]
    [InlineData(PcscError.ReaderUnavailable, typeof(ReaderUnavailableException))]
    [InlineData(PcscError.NoSmartCard, typeof(NoCardException))]
    [InlineData(PcscError.RemovedCard, typeof(NoCardException))]
    [InlineData(PcscError.UnresponsiveCard, typeof(NoCardException))]
    [InlineData(PcscError.ResetCard, typeof(PcscCardResetException))]
    [InlineData(PcscError.Timeout, typeof(PcscTimeoutException))]
    [InlineData(PcscError.Cancelled, typeof(PcscCancelledException))]
    [InlineData(PcscError.SystemCancelled, typeof(PcscCancelledException))]
    [InlineData(PcscError.SharingViolation, typeof(PcscSharingViolationException))]
    [InlineData(PcscError.CommunicationDataLost, typeof(CardCommunicationException))]
    [InlineData(PcscError.NotTransacted, typeof(CardCommunicationException))]
    [InlineData(PcscError.CommunicationError, typeof(CardCommunicationException))]
    [InlineData(PcscError.ProtocolMismatch, typeof(PcscException))]
    [InlineData(PcscError.InvalidHandle, typeof(PcscException))]
    [InlineData(PcscError.InsufficientBuffer, typeof(PcscException))]
    public void Codes_map_to_their_exception_type_without_a_connection(PcscError error, Type expected)
    {
        Assert.IsType(expected, PcscErrors.CreateException(error, cardConnected: false));
    }

    [Theory]
    [InlineData(PcscError.NoSmartCard)]
    [InlineData(PcscError.RemovedCard)]
    [InlineData(PcscError.UnpoweredCard)]
    public void A_missing_card_during_a_connection_means_it_was_removed(PcscError error)
    {
        var exception = PcscErrors.CreateException(error, cardConnected: true, readerName: "R1");

        var removed = Assert.IsType<CardRemovedException>(exception);
        Assert.Equal($"reader 'R1': the card was removed from the reader [{PcscErrors.GetName(error)}]", removed.Message);
    }

    [Fact]
    public void No_service_tells_the_user_to_start_pcscd()
    {
        var exception = PcscErrors.CreateException(PcscError.NoService);

        var unavailable = Assert.IsType<CardServiceUnavailableException>(exception);
        Assert.Equal("the PC/SC service is not running (start pcscd) [SCARD_E_NO_SERVICE]", unavailable.Message);
        Assert.Equal(0x8010001DL, unavailable.NativeErrorCode);
    }

    [Fact]
    public void Service_hints_fit_windows_and_macos()
    {
        Assert.Contains("SCardSvr", PcscErrors.FormatMessage(PcscError.NoService, PcscPlatform.Windows, null));
        Assert.Contains("SCardSvr", PcscErrors.FormatMessage(PcscError.ServiceStopped, PcscPlatform.Windows, null));
        Assert.Contains("reader is connected", PcscErrors.FormatMessage(PcscError.NoService, PcscPlatform.MacOs, null));
        Assert.DoesNotContain("pcscd", PcscErrors.FormatMessage(PcscError.NoService, PcscPlatform.Windows, null));
    }

    [Fact]
    public void Sharing_violation_says_another_program_holds_the_card()
    {
        Assert.Equal("the card is in use by another program (exclusive) [SCARD_E_SHARING_VIOLATION]",
            PcscErrors.CreateException(PcscError.SharingViolation).Message);
    }

    [Fact]
    public void Reader_errors_carry_the_available_readers()
    {
        var exception = PcscErrors.CreateException(PcscError.UnknownReader, readerName: "Nope",
            availableReaders: ["R1", "R2"]);

        var unavailable = Assert.IsType<ReaderUnavailableException>(exception);
        Assert.Equal(["R1", "R2"], unavailable.AvailableReaders);
        Assert.StartsWith("reader 'Nope': ", unavailable.Message);
    }

    [Fact]
    public void Cancellation_is_an_operation_canceled_exception()
    {
        Assert.IsAssignableFrom<OperationCanceledException>(PcscErrors.CreateException(PcscError.Cancelled));
    }

    [Fact]
    public void The_shared_0x8010001F_code_is_named_per_platform()
    {
        Assert.Equal("SCARD_E_UNSUPPORTED_FEATURE", PcscErrors.GetName(PcscError.Unexpected, PcscPlatform.PcscLite));
        Assert.Equal("SCARD_E_UNEXPECTED", PcscErrors.GetName(PcscError.Unexpected, PcscPlatform.Windows));
        Assert.Equal("SCARD_E_UNSUPPORTED_FEATURE", PcscErrors.GetName(PcscError.UnsupportedFeature, PcscPlatform.Windows));
    }

    [Theory]
    [InlineData(0x8010001DL)] // pcsc-lite on 64-bit Linux: a positive long
    [InlineData(-2146435043L)] // Windows and macOS: the same bits as a negative int32
    public void Native_results_normalise_to_the_same_code(long native)
    {
        Assert.Equal(PcscError.NoService, PcscErrors.Normalize(native));
    }

    [Fact]
    public void Unknown_codes_still_give_a_readable_exception()
    {
        var exception = PcscErrors.CreateException((PcscError)0x80100099);

        var pcsc = Assert.IsType<PcscException>(exception);
        Assert.Equal("0x80100099", pcsc.SymbolicName);
        Assert.Contains("[0x80100099]", pcsc.Message);
    }

    [Fact]
    public void Success_is_not_an_error()
    {
        Assert.Throws<ArgumentException>(() => PcscErrors.CreateException(PcscError.Success));
    }
}
