using SmartCardCash.Cli.Readers;
using SmartCardCash.Cli.Tests.Support;
using SmartCardCash.Iso7816.Errors;
using SmartCardCash.Pcsc;

namespace SmartCardCash.Cli.Tests;

public sealed class ReaderSelectorTests
{
    private static readonly PcscReaderStatus[] Bench =
    [
        ReaderStates.Empty("Reader 1"),
        ReaderStates.WithCard("Reader 10"),
        ReaderStates.Empty("Virtual PCD 00 00"),
    ];

    private static ReaderRequest Asked(string text) => new(text, FromEnvironment: false);

    private static ReaderFilter Ignoring(string fragments) =>
        ReaderFilter.FromEnvironment(name => name == ReaderFilter.IgnoreVariable ? fragments : null);

    [Theory]
    [InlineData("Reader 1", "Reader 1")]
    [InlineData("reader 1", "Reader 1")]
    [InlineData("READER 10", "Reader 10")]
    [InlineData("10", "Reader 10")]
    [InlineData("virtual", "Virtual PCD 00 00")]
    public void Full_names_win_then_unique_parts_match_in_any_case(string asked, string expected)
    {
        Assert.Equal(expected, ReaderSelector.Select(Bench, ReaderFilter.None, Asked(asked)));
    }

    [Fact]
    public void A_part_shared_by_several_readers_is_ambiguous()
    {
        var error = Assert.Throws<ReaderUnavailableException>(() => ReaderSelector.Select(Bench, ReaderFilter.None, Asked("reader")));

        Assert.Equal("'reader' matches 2 readers: 'Reader 1', 'Reader 10'; give more of the name", error.Message);
        Assert.Equal(["Reader 1", "Reader 10", "Virtual PCD 00 00"], error.AvailableReaders);
    }

    [Fact]
    public void No_match_lists_every_reader()
    {
        var error = Assert.Throws<ReaderUnavailableException>(() => ReaderSelector.Select(Bench, ReaderFilter.None, Asked("Omnikey")));

        Assert.Equal("no reader matches 'Omnikey'; the readers are 'Reader 1', 'Reader 10', 'Virtual PCD 00 00'", error.Message);
    }

    [Fact]
    public void A_request_with_no_reader_at_all_says_so()
    {
        var error = Assert.Throws<ReaderUnavailableException>(() => ReaderSelector.Select([], ReaderFilter.None, Asked("x")));

        Assert.Equal("no reader matches 'x'; there is no smart card reader", error.Message);
    }

    [Fact]
    public void Without_a_request_the_only_reader_with_a_card_is_chosen()
    {
        Assert.Equal("Reader 10", ReaderSelector.Select(Bench, ReaderFilter.None, null));
    }

    [Fact]
    public void Ignored_readers_are_neither_matched_nor_chosen_nor_listed()
    {
        ReaderFilter filter = Ignoring("reader 10:nothing");

        Assert.Equal("Reader 1", ReaderSelector.Select(Bench, filter, Asked("reader")));
        var noCard = Assert.Throws<NoCardException>(() => ReaderSelector.Select(Bench, filter, null));
        Assert.Equal("there is no card in any reader; the readers are 'Reader 1', 'Virtual PCD 00 00'", noCard.Message);
    }

    [Fact]
    public void Everything_ignored_is_reported_with_the_count()
    {
        var error = Assert.Throws<ReaderUnavailableException>(() => ReaderSelector.Select(Bench, Ignoring("reader:virtual"), null));

        Assert.Equal("no smart card reader found (3 ignored by SCC_IGNORE_READERS)", error.Message);
    }

    [Fact]
    public void Ignore_fragments_come_from_both_variables_and_empty_parts_are_skipped()
    {
        var filter = ReaderFilter.FromEnvironment(name => name switch
        {
            ReaderFilter.IgnoreVariable => "yubikey::",
            ReaderFilter.PcscLiteIgnoreVariable => ":Virtual PCD",
            _ => null,
        });

        Assert.Equal(["yubikey", "Virtual PCD"], filter.Fragments);
        Assert.True(filter.IsIgnored("Yubico YubiKey OTP+FIDO+CCID 00 00"));
        Assert.True(filter.IsIgnored("virtual pcd 00 01"));
        Assert.False(filter.IsIgnored("Reader 1"));
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("", "  ", null)]
    [InlineData(" pcd ", "other", "'pcd'")]
    [InlineData(null, "pcd", "SCC_READER 'pcd'")]
    public void The_option_wins_over_SCC_READER_and_blank_values_count_as_unset(string? option, string? variable, string? expected)
    {
        ReaderRequest? request = ReaderRequest.Resolve(option, name => name == ReaderRequest.ReaderVariable ? variable : null);

        Assert.Equal(expected, request?.ToString());
    }
}
