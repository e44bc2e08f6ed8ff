namespace SmartCardCash.Iso7816.Tlv;

/// <summary>
/// Writes BER-TLV objects with minimal length fields. Constructed objects are written between
/// <see cref="BeginConstructed"/> and the disposal of the scope it returns; their length is filled in when the scope
/// closes:
/// <code>
/// var writer = new TlvWriter();
/// using (writer.BeginConstructed(new Tag(0x6F)))
/// {
///     writer.Write(new Tag(0x84), aid);
/// }
/// byte[] fci = writer.ToArray();
/// </code>
/// </summary>
public sealed class TlvWriter
{
    private readonly Stack<OpenObject> _open = new();
    private byte[] _buffer = new byte[64];
    private int _length;

    /// <summary>Bytes written so far, including the tags of constructed objects that are still open.</summary>
    public int Length => _length;

    /// <summary>How many constructed objects are open.</summary>
    public int Depth => _open.Count;

    /// <summary>Writes one object with <paramref name="value"/> as its value.</summary>
    /// <remarks>The value is written as given, so for a constructed tag it must already be encoded BER-TLV.</remarks>
    public void Write(Tag tag, ReadOnlySpan<byte> value)
    {
        EnsureTag(tag);
        int lengthSize = BerLength.EncodedLength(value.Length);
        Span<byte> destination = Grow(tag.EncodedLength + lengthSize + value.Length);
        int at = tag.WriteTo(destination);
        at += BerLength.Write(destination[at..], value.Length);
        value.CopyTo(destination[at..]);
    }

    /// <summary>
    /// Appends bytes that are already encoded BER-TLV (a signed certificate, say) exactly as they are: re-encoding could
    /// change bytes a signature covers. The caller vouches for their encoding.
    /// </summary>
    public void WriteEncoded(ReadOnlySpan<byte> encoded) => encoded.CopyTo(Grow(encoded.Length));

    /// <summary>Writes a primitive object holding <paramref name="value"/> as a minimal big-endian unsigned integer.</summary>
    public void WriteUnsigned(Tag tag, ulong value) => Write(tag, UnsignedBytes.Encode(value));

    /// <summary>Writes an object tree, re-encoding constructed objects with minimal lengths.</summary>
    public void Write(TlvObject tlv)
    {
        ArgumentNullException.ThrowIfNull(tlv);
        if (!tlv.IsConstructed)
        {
            Write(tlv.Tag, tlv.Value.Span);
            return;
        }
        using (BeginConstructed(tlv.Tag))
        {
            foreach (TlvObject child in tlv.Children)
            {
                Write(child);
            }
        }
    }

    /// <summary>
    /// Writes the tag of a constructed object. Everything written until the returned scope is disposed becomes its
    /// value.
    /// </summary>
    /// <exception cref="ArgumentException">The tag is primitive (bit b6 of its first byte is 0).</exception>
    public IDisposable BeginConstructed(Tag tag)
    {
        EnsureTag(tag);
        if (!tag.IsConstructed)
        {
            throw new ArgumentException($"tag {tag} is primitive, so it cannot hold nested objects.", nameof(tag));
        }
        Span<byte> destination = Grow(tag.EncodedLength);
        tag.WriteTo(destination);
        _open.Push(new OpenObject(tag, _length));
        return new ConstructedScope(this, _open.Count);
    }

    /// <summary>Closes the innermost open constructed object and writes its length.</summary>
    /// <exception cref="InvalidOperationException">No constructed object is open.</exception>
    public void EndConstructed()
    {
        if (_open.Count == 0)
        {
            throw new InvalidOperationException("no constructed object is open; every EndConstructed needs a BeginConstructed.");
        }
        OpenObject open = _open.Pop();
        int valueLength = _length - open.ValueStart;
        int lengthSize = BerLength.EncodedLength(valueLength);
        Grow(lengthSize);
        // Make room for the length field between the tag and the value that is already written.
        _buffer.AsSpan(open.ValueStart, valueLength).CopyTo(_buffer.AsSpan(open.ValueStart + lengthSize));
        BerLength.Write(_buffer.AsSpan(open.ValueStart), valueLength);
    }

    /// <summary>The encoded objects.</summary>
    /// <exception cref="InvalidOperationException">A constructed object is still open.</exception>
    public byte[] ToArray()
    {
        if (_open.Count > 0)
        {
            throw new InvalidOperationException(
                $"constructed object {_open.Peek().Tag} is still open; dispose its scope before calling ToArray.");
        }
        return _buffer.AsSpan(0, _length).ToArray();
    }

    /// <summary>Forgets everything written, including open constructed objects.</summary>
    public void Clear()
    {
        _open.Clear();
        _length = 0;
    }

    private static void EnsureTag(Tag tag)
    {
        if (tag.Value == 0)
        {
            throw new ArgumentException("default(Tag) is not a tag; create one with new Tag(value).", nameof(tag));
        }
    }

    private Span<byte> Grow(int count)
    {
        int needed = _length + count;
        if (needed > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(needed, _buffer.Length * 2));
        }
        Span<byte> span = _buffer.AsSpan(_length, count);
        _length = needed;
        return span;
    }

    private readonly record struct OpenObject(Tag Tag, int ValueStart);

    private sealed class ConstructedScope(TlvWriter writer, int depth) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }
            if (writer.Depth != depth)
            {
                throw new InvalidOperationException(
                    $"constructed scopes closed out of order: this scope is at depth {depth} but {writer.Depth} are open.");
            }
            writer.EndConstructed();
            _disposed = true;
        }
    }
}
