namespace SmartCardCash.Purse.Applet.Tests.SpecLibrary;

/// <summary>The fixed encodings of spec 2.1–2.5.</summary>
public class EncodingTests
{
    private static readonly PurseId Alice = PurseId.Parse("5CC0010000000001");
    private static readonly PurseId Bob = PurseId.Parse("5CC0010000000002");

    [Fact]
    public void Payment_details_have_the_63_byte_layout_of_spec_2_3()
    {
        byte[] digest = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        var pd = new PaymentDetails(Alice, Bob, Currency.Eur.Code, 1250, 7, 9, digest);
        Assert.Equal(
            "5CC0010000000001" + "5CC0010000000002" + "0978" + "000004E2" + "00000007" + "00000009" + "01" + Hex.Encode(digest),
            Hex.Encode(pd.Encode()));
        Assert.Equal(pd, PaymentDetails.Decode(pd.Encode()));
        Assert.True(pd.IsWellFormed);
    }

    [Fact]
    public void Payment_details_without_digest_end_in_33_zero_bytes()
    {
        var pd = new PaymentDetails(Alice, Bob, Currency.Gbp.Code, 1, 1, 1);
        Assert.Equal(new byte[33], pd.Encode()[30..]);
        Assert.False(pd.HasOrderDigest);
        Assert.True(pd.OrderDigest.IsEmpty);
    }

    [Fact]
    public void Decoding_refuses_a_bad_presence_byte_and_a_digest_that_should_be_absent()
    {
        byte[] bytes = new PaymentDetails(Alice, Bob, Currency.Eur.Code, 5, 1, 1).Encode();
        bytes[30] = 2;
        Assert.Throws<PurseFormatException>(() => PaymentDetails.Decode(bytes));
        bytes[30] = 0;
        bytes[62] = 1;
        Assert.Throws<PurseFormatException>(() => PaymentDetails.Decode(bytes));
        Assert.Throws<PurseFormatException>(() => PaymentDetails.Decode(new byte[62]));
    }

    [Fact]
    public void Payment_details_to_oneself_or_of_zero_value_are_not_well_formed()
    {
        Assert.False(new PaymentDetails(Alice, Alice, Currency.Eur.Code, 5, 1, 1).IsWellFormed);
        Assert.False(new PaymentDetails(Alice, Bob, Currency.Eur.Code, 0, 1, 1).IsWellFormed);
    }

    [Fact]
    public void Log_records_wrap_the_PD_as_spec_2_4_and_2_5_say()
    {
        var pd = new PaymentDetails(Alice, Bob, Currency.Eur.Code, 5, 1, 2);
        var exception = new ExceptionRecord(ExceptionReason.PayeeAbortedInEpv, pd);
        Assert.Equal("02" + Hex.Encode(pd.Encode()), Hex.Encode(exception.Encode()));
        Assert.Equal(exception, ExceptionRecord.Decode(exception.Encode()));

        var transaction = new TransactionRecord(TransactionRecordType.Received, pd, 0x01020304);
        Assert.Equal("02" + Hex.Encode(pd.Encode()) + "01020304", Hex.Encode(transaction.Encode()));
        Assert.Equal(transaction, TransactionRecord.Decode(transaction.Encode()));
    }

    [Fact]
    public void A_mint_record_comes_from_nobody_and_carries_the_issuer_counter_as_fromSeq()
    {
        PaymentDetails mint = TransactionRecord.MintDetails(Alice, Currency.Eur.Code, 100, 4);
        Assert.Equal(PurseId.None, mint.From);
        Assert.Equal(Alice, mint.To);
        Assert.Equal(4u, mint.FromSeq);
        Assert.Equal(0u, mint.ToSeq);
    }

    [Fact]
    public void The_log_digest_is_SHA_256_over_the_records_and_of_the_empty_string_for_none()
    {
        Assert.Equal("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855", Hex.Encode(ExceptionRecord.LogDigest([])));
        var record = new ExceptionRecord(ExceptionReason.PayerAbortedInEpa, new PaymentDetails(Alice, Bob, Currency.Eur.Code, 5, 1, 2));
        Assert.Equal(System.Security.Cryptography.SHA256.HashData([.. record.Encode(), .. record.Encode()]),
            ExceptionRecord.LogDigest([record, record]));
    }

    [Theory]
    [InlineData("250601", true)]
    [InlineData("240229", true)]
    [InlineData("250229", false)]
    [InlineData("251301", false)]
    [InlineData("250100", false)]
    [InlineData("2A0101", false)]
    [InlineData("000000", false)]
    public void Dates_are_valid_BCD_calendar_dates(string hex, bool valid)
    {
        Assert.Equal(valid, BcdDate.Parse(hex).IsValid);
    }

    [Fact]
    public void Dates_round_trip_and_compare_in_calendar_order()
    {
        BcdDate date = BcdDate.FromDate(2031, 1, 2);
        Assert.Equal("310102", Hex.Encode(date.ToArray()));
        Assert.Equal(new DateOnly(2031, 1, 2), date.ToDate());
        Assert.True(BcdDate.FromDate(2030, 12, 31) < date);
        Assert.True(BcdDate.Unset < BcdDate.FromDate(2000, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => BcdDate.FromDate(2100, 1, 1));
    }

    [Fact]
    public void Currencies_map_numeric_BCD_alpha_and_minor_unit()
    {
        Assert.Equal(0x0978, Currency.Eur.Code.Value);
        Assert.Equal(0x0826, Currency.Gbp.Code.Value);
        Assert.Equal(0x0840, Currency.Usd.Code.Value);
        Assert.Equal(0x0392, Currency.Jpy.Code.Value);
        Assert.Equal(0x0756, Currency.Chf.Code.Value);
        Assert.Same(Currency.Jpy, Currency.FromAlpha("jpy"));
        Assert.Same(Currency.Chf, Currency.FromCode(new CurrencyCode(0x0756)));
        Assert.Equal("12.50 EUR", Currency.Eur.FormatAmount(1250));
        Assert.Equal("1250 JPY", Currency.Jpy.FormatAmount(1250));
        Assert.Equal("1.250 KWD", Currency.Kwd.FormatAmount(1250));
        Assert.Equal(1250u, Currency.Eur.ToMinorUnits(12.50m));
        Assert.Throws<ArgumentOutOfRangeException>(() => Currency.Jpy.ToMinorUnits(1.5m));
        Assert.Equal("EUR", Currency.Eur.Code.ToString());
        Assert.Equal(978, Currency.Eur.Code.Numeric);
    }

    [Theory]
    [InlineData(0x0978, true)]
    [InlineData(0x0001, true)]
    [InlineData(0x0000, false)]
    [InlineData(0x1978, false)]
    [InlineData(0x09A8, false)]
    [InlineData(0x097F, false)]
    public void Currency_codes_are_three_BCD_digits(int value, bool valid)
    {
        Assert.Equal(valid, new CurrencyCode((ushort)value).IsValid);
    }

    [Fact]
    public void Lock_codes_are_4_to_8_ASCII_digits()
    {
        Assert.True(LockCode.IsValid("1234"u8));
        Assert.True(LockCode.IsValid("12345678"u8));
        Assert.False(LockCode.IsValid("123"u8));
        Assert.False(LockCode.IsValid("123456789"u8));
        Assert.False(LockCode.IsValid("12a4"u8));
        Assert.Throws<ArgumentException>(() => LockCode.Encode("12 4"));
    }
}
