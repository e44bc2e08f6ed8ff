using SmartCardCash.Iso7816.Errors;

namespace SmartCardCash.Iso7816;

/// <summary>An ISO/IEC 7816-4 response APDU: response data followed by the status word SW1 SW2. Immutable.</summary>
public sealed class ResponseApdu : IEquatable<ResponseApdu>
{
    private readonly byte[] _data;

    public ResponseApdu(ReadOnlySpan<byte> data, StatusWord statusWord)
    {
        _data = data.ToArray();
        StatusWord = statusWord;
    }

    public ResponseApdu(StatusWord statusWord) : this(default, statusWord)
    {
    }

    public ReadOnlyMemory<byte> Data => _data;

    public StatusWord StatusWord { get; }

    public byte Sw1 => StatusWord.Sw1;

    public byte Sw2 => StatusWord.Sw2;

    /// <summary>True for 9000 (and only 9000).</summary>
    public bool IsSuccess => StatusWord.IsSuccess;

    public byte[] ToBytes()
    {
        var bytes = new byte[_data.Length + 2];
        _data.CopyTo(bytes, 0);
        bytes[^2] = Sw1;
        bytes[^1] = Sw2;
        return bytes;
    }

    public string ToHex() => Convert.ToHexString(ToBytes());

    public override string ToString() => _data.Length == 0
        ? StatusWord.ToString()
        : $"{Convert.ToHexString(_data)} {StatusWord}";

    /// <summary>Throws <see cref="CardStatusException"/> unless the status word is 9000; returns this response otherwise.</summary>
    public ResponseApdu EnsureSuccess() =>
        IsSuccess ? this : throw new CardStatusException(StatusWord);

    public static ResponseApdu Parse(ReadOnlySpan<byte> response)
    {
        if (response.Length < 2)
        {
            throw new ApduFormatException($"a response APDU ends with a 2-byte status word; got {response.Length} bytes.");
        }
        return new ResponseApdu(response[..^2], new StatusWord(response[^2], response[^1]));
    }

    public static ResponseApdu ParseHex(string hex) => Parse(Hex.Decode(hex));

    public bool Equals(ResponseApdu? other) =>
        other is not null && StatusWord == other.StatusWord && _data.AsSpan().SequenceEqual(other._data);

    public override bool Equals(object? obj) => obj is ResponseApdu other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(StatusWord);
        hash.AddBytes(_data);
        return hash.ToHashCode();
    }
}
