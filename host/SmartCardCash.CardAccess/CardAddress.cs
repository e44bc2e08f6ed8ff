using System.Globalization;
using SmartCardCash.Emulator.Images;

namespace SmartCardCash.CardAccess;

/// <summary>
/// The one way to name a card, on the command line and in code alike:
/// <list type="table">
/// <item><term><c>emu:NAME</c></term><description>the emulated card image NAME in the card store
/// (<c>emulator:NAME</c>, the emulator's channel name, means the same)</description></item>
/// <item><term><c>pcsc:READER</c></term><description>the card in the PC/SC reader whose name is READER or contains
/// it (any case), if only one does</description></item>
/// <item><term><c>tcp://HOST:PORT</c></term><description>a card served remotely</description></item>
/// <item><term><c>NAME</c></term><description>an emulated image called NAME if one exists, otherwise the PC/SC reader
/// NAME matches; <see cref="CardOpener.Resolve"/> decides</description></item>
/// </list>
/// </summary>
public sealed record CardAddress
{
    public const string EmulatedPrefix = "emu:";
    public const string EmulatorChannelPrefix = "emulator:";
    public const string PcscPrefix = "pcsc:";
    public const string RemotePrefix = "tcp://";

    private CardAddress(CardAddressKind kind, string target, string? host = null, int port = 0)
    {
        Kind = kind;
        Target = target;
        Host = host;
        Port = port;
    }

    public CardAddressKind Kind { get; }

    /// <summary>The card name, the reader text, "host:port", or the bare name.</summary>
    public string Target { get; }

    /// <summary>For <see cref="CardAddressKind.Remote"/>: the host name or address (IPv6 without brackets).</summary>
    public string? Host { get; }

    /// <summary>For <see cref="CardAddressKind.Remote"/>: the TCP port, 1 to 65535.</summary>
    public int Port { get; }

    public static CardAddress Emulated(string name)
    {
        if (!CardImageStore.IsValidName(name))
        {
            throw new FormatException(
                $"'{name}' is not a valid card name: use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return new CardAddress(CardAddressKind.Emulated, name);
    }

    public static CardAddress Pcsc(string reader)
    {
        if (string.IsNullOrWhiteSpace(reader))
        {
            throw new FormatException("'pcsc:' needs a reader name (or a unique part of it) after the colon");
        }
        return new CardAddress(CardAddressKind.Pcsc, reader.Trim());
    }

    public static CardAddress Remote(string host, int port)
    {
        if (string.IsNullOrWhiteSpace(host))
        {
            throw new FormatException("a remote card address needs a host: tcp://HOST:PORT");
        }
        if (port is < 1 or > 65535)
        {
            throw new FormatException($"port {port} is not a TCP port (1 to 65535)");
        }
        string target = host.Contains(':', StringComparison.Ordinal) ? $"[{host}]:{port}" : $"{host}:{port}";
        return new CardAddress(CardAddressKind.Remote, target, host, port);
    }

    /// <summary>Reads any of the forms above.</summary>
    /// <exception cref="FormatException">The text is none of them; the message says what is wrong.</exception>
    public static CardAddress Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            throw new FormatException("a card address is needed: emu:NAME, pcsc:READER, tcp://HOST:PORT or a card name");
        }
        if (trimmed.StartsWith(EmulatedPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return Emulated(trimmed[EmulatedPrefix.Length..]);
        }
        if (trimmed.StartsWith(EmulatorChannelPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return Emulated(trimmed[EmulatorChannelPrefix.Length..]);
        }
        if (trimmed.StartsWith(PcscPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return Pcsc(trimmed[PcscPrefix.Length..]);
        }
        if (trimmed.StartsWith(RemotePrefix, StringComparison.OrdinalIgnoreCase))
        {
            return ParseRemote(trimmed);
        }
        if (trimmed.Contains("://", StringComparison.Ordinal))
        {
            throw new FormatException($"'{trimmed}': the only network form is tcp://HOST:PORT");
        }
        return new CardAddress(CardAddressKind.Unresolved, trimmed);
    }

    public static bool TryParse(string text, out CardAddress? address)
    {
        try
        {
            address = Parse(text);
            return true;
        }
        catch (FormatException)
        {
            address = null;
            return false;
        }
    }

    /// <summary>The canonical text: "emu:alice", "pcsc:Virtual PCD 00 00", "tcp://host:7700", or the bare name.</summary>
    public override string ToString() => Kind switch
    {
        CardAddressKind.Emulated => EmulatedPrefix + Target,
        CardAddressKind.Pcsc => PcscPrefix + Target,
        CardAddressKind.Remote => RemotePrefix + Target,
        _ => Target,
    };

    private static CardAddress ParseRemote(string text)
    {
        string rest = text[RemotePrefix.Length..].TrimEnd('/');
        if (rest.Contains('/', StringComparison.Ordinal) || rest.Contains('?', StringComparison.Ordinal) ||
            rest.Contains('@', StringComparison.Ordinal))
        {
            throw new FormatException($"'{text}' is not tcp://HOST:PORT: nothing may follow the port");
        }
        string host;
        string portText;
        if (rest.StartsWith('['))
        {
            int close = rest.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || close + 1 >= rest.Length || rest[close + 1] != ':')
            {
                throw new FormatException($"'{text}' is not tcp://[IPv6]:PORT");
            }
            host = rest[1..close];
            portText = rest[(close + 2)..];
        }
        else
        {
            int colon = rest.LastIndexOf(':');
            if (colon < 0)
            {
                throw new FormatException($"'{text}' has no port: write tcp://HOST:PORT");
            }
            host = rest[..colon];
            portText = rest[(colon + 1)..];
            if (host.Contains(':', StringComparison.Ordinal))
            {
                throw new FormatException($"'{text}': put an IPv6 address in brackets, tcp://[::1]:PORT");
            }
        }
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out int port))
        {
            throw new FormatException($"'{portText}' in '{text}' is not a port number");
        }
        return Remote(host, port);
    }
}
