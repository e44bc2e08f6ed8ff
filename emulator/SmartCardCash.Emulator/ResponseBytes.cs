using SmartCardCash.Iso7816;

namespace SmartCardCash.Emulator;

/// <summary>Encoded response APDUs: data followed by SW1 SW2.</summary>
internal static class ResponseBytes
{
    public static byte[] StatusOnly(StatusWord status) => [status.Sw1, status.Sw2];

    public static byte[] Of(ReadOnlySpan<byte> data, StatusWord status)
    {
        var response = new byte[data.Length + 2];
        data.CopyTo(response);
        response[^2] = status.Sw1;
        response[^1] = status.Sw2;
        return response;
    }
}
