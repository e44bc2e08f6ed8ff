namespace SmartCardCash.Cli.Help;

/// <summary>The longer explanations shown after the option lists in --help.</summary>
internal static class HelpTexts
{
    public const string RootDescription =
        "scc: SmartCardCash, Mondex-style stored-value smart cards from the command line.\n" +
        "Lists PC/SC readers, watches cards come and go, and exchanges raw APDUs with a card.";

    public const string RootEpilog =
        """
        Exit codes:
          0    success (and every card answer was 9000)
          1    the card answered a status word other than 9000
          2    usage error: unknown command or option, malformed hex, impossible APDU
          3    no PC/SC service, no reader, unknown or ambiguous reader, no card, card in use
          4    card removed or communication failure during the command
          70   internal error (a bug in scc; --verbose shows the stack trace)
          130  interrupted (Ctrl+C); scc monitor exits 0 when stopped that way

        Environment:
          SCC_READER                           default reader: a full name or a unique part of it (--reader wins)
          SCC_IGNORE_READERS                   readers to leave out: colon-separated name parts, case-insensitive
          PCSCLITE_FILTER_IGNORE_READER_NAMES  pcsc-lite's own ignore list, honoured the same way
          PCSCLITE_CSOCK_NAME                  the pcscd socket to use (pcsc-lite)
        """;

    public const string ReadersDescription =
        "List the smart card readers: card state (present, empty, in use, mute), protocol and ATR.\n" +
        "To read the protocol scc connects to each card briefly in shared mode; a card another program holds " +
        "exclusively shows as 'in use'.";

    public const string MonitorDescription =
        "Watch readers being attached and detached and cards being inserted and removed, with timestamps, until " +
        "Ctrl+C. Survives the PC/SC service stopping and starting (reported as 'service lost' and 'service back').";

    public const string MonitorEpilog =
        """
        Notes:
          What is already there when the monitor starts is reported first ("present at start").
          Ctrl+C (or SIGTERM) stops the monitor with exit code 0. With --json each event is one JSON line.
        """;

    public const string ApduDescription =
        "Send one or more command APDUs to a card and print each response: data, status word and its meaning.\n" +
        "All APDUs go through one card connection inside one PC/SC transaction, in order.";

    public const string ApduEpilog =
        """
        Notes:
          Each APDU is one hex argument; spaces, colons and dashes between bytes are allowed when quoted:
            scc apdu "00 A4 04 00 07 A0 00 00 08 70 01 01 00" 00B0000000
          61xx answers are completed with GET RESPONSE and 6Cxx answers resent with the right Le; --raw turns both
          off and shows exactly what the card said.
          Every APDU is sent even after an error status word; the exit code is 1 if any final status word is not
          9000.
          Without --reader (or SCC_READER), the one reader that holds a card is used.
        """;
}
