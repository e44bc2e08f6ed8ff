using System.Globalization;
using System.Net;
using SmartCardCash.Cli.Errors;

namespace SmartCardCash.Cli.Payments;

/// <summary>--listen HOST:PORT for <c>scc receive</c>: an IP address (or localhost) and a port; loopback by default.</summary>
internal static class ListenAddress
{
    public static IPEndPoint Parse(string? text, int defaultPort = Remote.PayeeListenerOptions.DefaultPort)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new IPEndPoint(IPAddress.Loopback, defaultPort);
        }
        string host;
        string port;
        int colon = text.LastIndexOf(':');
        if (text.StartsWith('[') && text.Contains("]:", StringComparison.Ordinal))
        {
            host = text[1..text.IndexOf(']', StringComparison.Ordinal)];
            port = text[(text.IndexOf("]:", StringComparison.Ordinal) + 2)..];
        }
        else if (colon > 0 && text.IndexOf(':') == colon)
        {
            host = text[..colon];
            port = text[(colon + 1)..];
        }
        else
        {
            throw new UsageException($"--listen: '{text}' is not HOST:PORT (127.0.0.1:7000, [::1]:7000, 0.0.0.0:7000)");
        }
        if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out int number) || number > 65535)
        {
            throw new UsageException($"--listen: '{port}' is not a port (0 to 65535; 0 picks a free one)");
        }
        IPAddress address = host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
            : IPAddress.TryParse(host, out IPAddress? parsed) ? parsed
            : throw new UsageException($"--listen: '{host}' is not an IP address (or localhost)");
        return new IPEndPoint(address, number);
    }
}
