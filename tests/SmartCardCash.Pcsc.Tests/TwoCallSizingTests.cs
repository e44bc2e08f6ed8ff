using System.Text;

namespace SmartCardCash.Pcsc.Tests;

/// <summary>
/// The two-call pattern as the native ListReaders / Status / GetAttrib wrappers use it, driven by fake native calls
/// that behave like pcsc-lite's SCardListReaders (length query with a null buffer; INSUFFICIENT_BUFFER plus the new
/// length when the buffer is too small).
/// </summary>
public sealed class TwoCallSizingTests
{
    [Fact]
    public void Asks_for_the_length_then_fills_a_buffer_of_that_size()
    {
        var native = new FakeListReaders("Reader A\0Reader B\0\0");

        var result = TwoCallSizing.Run<byte>(native.Call, out var buffer, out var length);

        Assert.Equal(PcscError.Success, result);
        Assert.Equal(["Reader A", "Reader B"], MultiString.ParseUtf8(buffer.AsSpan(0, length)));
        Assert.Equal([0, 19], native.BufferSizes);
    }

    [Fact]
    public void Sizes_again_when_a_reader_appears_between_the_two_calls()
    {
        var native = new FakeListReaders("Reader A\0\0");
        native.BeforeSecondCall = () => native.Data = "Reader A\0Reader B (new)\0\0";

        var result = TwoCallSizing.Run<byte>(native.Call, out var buffer, out var length);

        Assert.Equal(PcscError.Success, result);
        Assert.Equal(["Reader A", "Reader B (new)"], MultiString.ParseUtf8(buffer.AsSpan(0, length)));
        // Query (0), too small (10), then the size the error reported (25).
        Assert.Equal([0, 10, 25], native.BufferSizes);
    }

    [Fact]
    public void Queries_again_when_the_error_does_not_tell_the_new_size()
    {
        var native = new FakeListReaders("Reader A\0\0") { ReportSizeOnError = false };
        native.BeforeSecondCall = () => native.Data = "Reader A\0Reader B\0\0";

        var result = TwoCallSizing.Run<byte>(native.Call, out _, out var length);

        Assert.Equal(PcscError.Success, result);
        Assert.Equal(19, length);
        Assert.Equal([0, 10, 0, 19], native.BufferSizes);
    }

    [Fact]
    public void Gives_up_after_a_bounded_number_of_races()
    {
        var calls = 0;
        var result = TwoCallSizing.Run((byte[]? buffer, ref int length) =>
        {
            calls++;
            length = (buffer?.Length ?? 0) + 5;
            return buffer is null ? PcscError.Success : PcscError.InsufficientBuffer;
        }, out _, out _);

        Assert.Equal(PcscError.InsufficientBuffer, result);
        Assert.Equal(1 + TwoCallSizing.MaxAttempts, calls);
    }

    [Fact]
    public void Passes_a_failing_length_query_through()
    {
        var native = new FakeListReaders("") { QueryResult = PcscError.NoReadersAvailable };

        Assert.Equal(PcscError.NoReadersAvailable, TwoCallSizing.Run<byte>(native.Call, out var buffer, out _));
        Assert.Empty(buffer);
    }

    [Fact]
    public void Uses_the_fallback_size_when_the_query_cannot_tell_the_length()
    {
        // pcsc-lite's SCardGetAttrib answers a length query with INSUFFICIENT_BUFFER and no length.
        var sizes = new List<int>();
        var result = TwoCallSizing.Run((byte[]? buffer, ref int length) =>
        {
            sizes.Add(buffer?.Length ?? 0);
            if (buffer is null)
            {
                length = 0;
                return PcscError.InsufficientBuffer;
            }

            length = 3;
            return PcscError.Success;
        }, out var value, out var used, fallbackSize: 264);

        Assert.Equal(PcscError.Success, result);
        Assert.Equal([0, 264], sizes);
        Assert.Equal(3, used);
        Assert.Equal(264, value.Length);
    }

    /// <summary>Behaves like pcsc-lite's SCardListReaders over a changeable reader list.</summary>
    private sealed class FakeListReaders(string data)
    {
        private int _fills;

        public string Data { get; set; } = data;

        public bool ReportSizeOnError { get; init; } = true;

        public PcscError QueryResult { get; init; } = PcscError.Success;

        public Action? BeforeSecondCall { get; set; }

        public List<int> BufferSizes { get; } = [];

        public PcscError Call(byte[]? buffer, ref int length)
        {
            BufferSizes.Add(buffer?.Length ?? 0);
            if (buffer is not null && _fills++ == 0)
            {
                BeforeSecondCall?.Invoke();
            }

            var bytes = Encoding.UTF8.GetBytes(Data);
            if (buffer is null)
            {
                length = bytes.Length;
                return QueryResult;
            }

            if (bytes.Length > length)
            {
                if (ReportSizeOnError)
                {
                    length = bytes.Length;
                }

                return PcscError.InsufficientBuffer;
            }

            bytes.CopyTo(buffer, 0);
            length = bytes.Length;
            return PcscError.Success;
        }
    }
}
