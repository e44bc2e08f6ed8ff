namespace SmartCardCash.Iso7816.Tlv;

/// <summary>Minimal big-endian encoding of unsigned numbers, as card data objects carry counters and amounts.</summary>
internal static class UnsignedBytes
{
    /// <summary>The shortest big-endian bytes for <paramref name="value"/>; zero is one byte 00.</summary>
    public static byte[] Encode(ulong value)
    {
        int length = 1;
        while (length < sizeof(ulong) && value >> (8 * length) != 0)
        {
            length++;
        }
        var bytes = new byte[length];
        for (int i = 0; i < length; i++)
        {
            bytes[i] = (byte)(value >> (8 * (length - 1 - i)));
        }
        return bytes;
    }
}
