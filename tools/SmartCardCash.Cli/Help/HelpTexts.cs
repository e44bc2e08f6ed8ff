namespace SmartCardCash.Cli.Help;

/// <summary>The longer explanations shown after the option lists in --help.</summary>
internal static class HelpTexts
{
    public const string RootDescription =
        "scc: SmartCardCash, Mondex-style stored-value smart cards from the command line.\n" +
        "Lists PC/SC readers, watches cards come and go, exchanges raw APDUs with a card, and manages purses: the issuer, " +
        "emulated and real cards, balances, logs, the lock code and minting. Puts emulated cards into pcscd's vpcd " +
        "readers and checks purses against the conformance vectors.";

    public const string RootEpilog =
        """
        Exit codes:
          0    success (and every card answer was 9000)
          1    the card answered a status word other than 9000; scc conformance: a vector failed
          2    usage error: unknown command or option, malformed hex, impossible APDU, bad amount,
               unknown currency, malformed card address or lock code
          3    no PC/SC service, no reader, unknown or ambiguous reader or card, no card, card in use;
               scc emulator attach: vpcd not listening
          4    card removed or communication failure during the command
          7    local data problem: a card image damaged or in use by another process, no issuer yet
               (run 'scc issuer init'), the issuer key unreadable or open to other users
          70   internal error (a bug in scc; --verbose shows the stack trace)
          130  interrupted (Ctrl+C); scc monitor exits 0 when stopped that way

        Environment:
          SCC_HOME                             where cards (cards/) and the issuer (issuer/) live; default ~/.local/share/smartcardcash
          SCC_CARD                             default card for the purse commands (--card wins)
          SCC_LOCK_CODE                        the lock code, when --code is not given (never echoed)
          SCC_NEW_LOCK_CODE                    the new lock code for scc lockcode
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

    public const string IssuerDescription =
        "The issuer: its P-256 key and self-signed certificate in $SCC_HOME/issuer, which certify purses and sign mints.";

    public const string IssuerInitDescription =
        "Create the issuer: a new key pair (private key in issuer/issuer-key.pem, mode 0600, never printed) and its " +
        "self-signed certificate. Prints the issuer ID and the certificate's SHA-256 fingerprint.";

    public const string IssuerShowDescription =
        "Show the issuer: ID, certificate fingerprint and validity, purses issued, and the value minted (from the mint journal).";

    public const string CardDescription =
        "Emulated purse cards (images in $SCC_HOME/cards) and the personalisation of blank cards.";

    public const string CardNewDescription =
        "Create an emulated card and personalise its purse through APDUs, exactly as a real card: the card makes its key " +
        "pair, the issuer certifies it, then certificates, pocket limits and the lock code are written and the purse is activated.";

    public const string CardListDescription =
        "List the emulated cards: name, purse ID, class, currencies, balances, lifecycle and interface (each image is read).";

    public const string CardDeleteDescription =
        "Delete an emulated card. A card that holds value, has exception records or is mid-transfer is kept unless --force.";

    public const string CardPersonaliseDescription =
        "Personalise the blank purse on a card, for example a real card in a reader: --card pcsc:READER.";

    public const string InfoDescription =
        "Show everything a purse tells without its lock code: identity, class, lifecycle, transfer state, sequence " +
        "number, issuer counter, lock state and tries, log occupancy, pockets with balances and limits, certificate dates.";

    public const string BalanceDescription =
        "Show the purse's balances. No lock code needed: anyone holding the card may read them (the Mondex balance reader).";

    public const string LogDescription =
        "Show the transaction log (default), the exception log (--exceptions; reading it aborts a transfer in progress), " +
        "or the transfer in progress (--pending).";

    public const string LockDescription =
        "Lock the purse with its lock code: it can still be read and receive, but pays nothing until unlocked.";

    public const string UnlockDescription = "Unlock the purse with its lock code, so it can pay again.";

    public const string LockCodeDescription =
        "Change the purse's lock code: --code (the current one) and --new-code. A wrong current code costs a try.";

    public const string MintDescription =
        "Mint value into a bank purse: the issuer signs a MINT for the purse's issuer counter, the purse adds it, and " +
        "the mint is appended to the issuer's mint journal. Other purses refuse (value enters only through banks).";

    public const string LockCodeEpilog =
        """
        Lock code input, in this order:
          --code CODE            on the command line (visible to other users of this machine in the process list)
          --code -               one line from standard input:  echo 1234 | scc unlock --card alice --code -
          SCC_LOCK_CODE          the environment
          a hidden prompt        when standard input is a terminal
        A wrong code prints "wrong lock code, N tries left" and exits 1; the code is never echoed, logged or traced.
        """;

    public const string LogEpilog =
        """
        Notes:
          --exceptions aborts a transfer in progress on this purse (the purse logs it first, so nothing is lost), as the
          protocol's readExceptionLog does. Use --pending to look at a transfer without touching it.
          Every exception-log record is signed by the purse; scc verifies each signature against the purse's certificate
          and refuses the log if one does not verify.
        """;
}
