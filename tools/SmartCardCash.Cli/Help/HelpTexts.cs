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
               unknown currency, malformed card address or lock code, a card name taken; refused
               without --force: an issuer that already exists, deleting a card that holds value
          3    no PC/SC service, no reader, unknown or ambiguous reader or card, no card, card in use,
               nobody receiving at a tcp:// address (or its card busy);
               scc emulator attach: vpcd not listening, or its slot holding another card
          4    card removed or communication failure during the command (scc mint: the MINT's answer was
               lost or the card failed inside it; scc mint --reconcile settles it)
          5    payment interrupted: value debited and held in the payer's pending log (scc recover finishes
               it), or aborted into the payer's exception log for the bank; scc log --exceptions and
               scc mint refuse with 5 while a transfer is in progress (--abort-transfer aborts it);
               scc receive: its card holds an unfinished payment as the payer
          6    payment refused for security: hotlisted purse, certificate not from the trusted issuer,
               expired, or refused by a purse or by the scc receive serving it
          7    local data problem: a card image damaged, unreadable, not writable or in use by another
               process, no issuer yet (run 'scc issuer init'), the issuer's files unreadable or the key open
               to other users, the mint journal or the payment journal not writable (a payment's value has
               moved then; only its evidence is missing), a home folder (SCC_HOME, --home) that cannot
               be used; the message names the path and what is wrong with it
          70   internal error (a bug in scc; --verbose shows the stack trace)
          130  interrupted (Ctrl+C); scc monitor exits 0 when stopped that way

        Environment:
          SCC_HOME                             where cards (cards/), the issuer (issuer/), the payment journal (journal/) and the hotlists (hotlist.txt, hotlist.signed) live; default ~/.local/share/smartcardcash
          SCC_CARD                             default card for the purse commands (--card wins)
          SCC_LOCK_CODE                        the lock code, when --code is not given (never echoed); not scc pay
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

    public const string CardNewEpilog =
        """
        Examples:
          scc card new alice --class customer --currency EUR
          scc card new shop --class merchant --currency EUR,GBP --max-balance EUR=20000
          scc card new bank --class bank --currency EUR,GBP
          scc card new tap --class customer --currency EUR --interface contactless --contactless-limit 25
          scc card new spare --blank
        """;

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
        "Show the transaction log (default), the exception log (--exceptions; the card aborts a transfer in progress " +
        "before reading it, so scc refuses then unless --abort-transfer), or the transfer in progress (--pending).";

    public const string LockDescription =
        "Lock the purse with its lock code: it can still be read and receive, but pays nothing until unlocked.";

    public const string UnlockDescription = "Unlock the purse with its lock code, so it can pay again.";

    public const string LockCodeDescription =
        "Change the purse's lock code: --code (the current one) and --new-code. A wrong current code costs a try.";

    public const string MintDescription =
        "Mint value into a bank purse: the intent is written to the issuer's mint-intents.jsonl, the issuer signs a MINT " +
        "for the purse's issuer counter, the purse adds it, and the mint is appended to the mint journal. Other purses " +
        "refuse (value enters only through banks). A MINT whose answer was lost (or that failed inside the card, 6581/6Fxx) exits 4 and is settled from the purse " +
        "by --reconcile or the next mint into it.";

    public const string MintEpilog =
        """
        Examples:
          scc mint --card bank --amount 1000.00 --currency EUR
          scc mint --card bank --reconcile
        """;

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
          The card aborts a transfer in progress before it reads its exception log (the protocol's readExceptionLog),
          which turns a payment 'scc recover' could still finish into value logged for the bank. So --exceptions first
          reads the transfer state and, if a transfer is in progress, refuses (exit 5) and names the 'scc recover' that
          finishes it; --abort-transfer aborts it instead and says where the value went. --pending changes nothing.
          Every exception-log record is signed by the purse; scc verifies each signature against the purse's certificate
          and refuses the log if one does not verify.
        """;

    public const string PayDescription =
        "Pay from one card to another: the Mondex value transfer, card to card, with the terminal's checks first (trusted " +
        "issuer, expiry, hotlist, classes, currency, unfinished transfers) and the exact outcome after, recovering with " +
        "RESUME within the run when a card or the connection falters.";

    public const string PayEpilog =
        """
        Examples:
          scc pay --from bank --to alice --amount 100 --currency EUR
          scc pay --from alice --to shop --amount 12.50 --currency EUR --order "order 1234: 2 coffees"
          scc pay --from alice --to tcp://127.0.0.1:7000 --amount 5 --currency EUR

        Outcomes and exit codes:
          0  completed: the payee was credited and the payer acknowledged; also when only the payer's acknowledgement
             is missing ("completed, awaiting acknowledgement"): the payee has the value, 'scc recover' delivers it
          1  refused, nothing debited: by a card (insufficient funds, a limit, locked, lock code needed …) or by scc's
             checks (classes, currency, a purse with an unfinished earlier transfer: recover it, or --force)
          2  bad options: amount, currency, card address, order digest, lock code; the same card twice
          3  a card that is not there (unknown name, no reader or card, nobody receiving at a tcp:// address)
          4  a card could not be reached before anything was debited
          5  interrupted (debited and held in the payer's pending log, or "may have been" when an answer was lost), or
             aborted with the value in the payer's exception log; the output gives the exact 'scc recover' commands
          6  refused for security: hotlisted purse, certificate not from the trusted issuer or expired
          7  local data: a card image damaged, unreadable, not writable or in use, the trust anchor or a hotlist
             unreadable or malformed, or the installed signed hotlist refused; or the payment completed but its evidence could not be kept in the journal (the
             value moved; only the payer's signed val, for the bank, is missing)

        Notes:
          The trust anchor is the issuer certificate ($SCC_HOME/issuer/issuer-certificate.cvc, or --issuer-certificate).
          The hotlist is $SCC_HOME/hotlist.txt (or --hotlist): purse IDs in hex, one per line, # comments; and, once
          installed, the issuer's signed list $SCC_HOME/hotlist.signed: a purse on either is refused. A signed list
          that is missing, unsigned, badly signed or older than the one installed stops every payment (exit 7).
          Every completed payment's evidence (the payer's signed val) is appended to $SCC_HOME/journal/payments.jsonl,
          for the bank's clearing; --json says where ("journal").
          --to tcp://HOST:PORT pays into a card that 'scc receive' serves there.
          --code is the only source of the payer's lock code: SCC_LOCK_CODE is not read, because a code presented on
          every payment (most need none) would spend a try each time it is wrong.
        """;

    public const string ReceiveDescription =
        "Receive payments into a card from payers elsewhere (the Mondex Telephone): serves only the payee's part of a " +
        "payment on TCP, loopback unless --listen says otherwise, and prints each payment received or refused.";

    public const string ReceiveEpilog =
        """
        Examples:
          scc receive --card shop
          scc receive --card shop --once --timeout 5m
          scc receive --card shop --listen 0.0.0.0:7000
          A payer on this machine then pays into shop with:
          scc pay --from alice --to tcp://127.0.0.1:7000 --amount 5 --currency EUR

        What a remote payer may send: SELECT of the purse, GET RESPONSE, GET DATA certificate (03) and pending transfer
        (06), VERIFY CERTIFICATE, START TO, VAL, RESUME. Everything else (START FROM, REQ, ACK, ABORT, READ LOG, balances,
        the lock code, issuer commands) is answered 6900 without reaching the card: a payer can pay in, never take out.
        The payer is checked here, not only by its own scc: a certificate on the hotlist or not from the trusted issuer
        is refused with 6982, one expired by this machine's clock with 9406, before the card sees it. START TO is let
        through only for the purse checked in that session, and START TO and RESUME never while the card is itself
        paying (6985): only the payee role is served.
        One payment at a time: a second payer is told the card is busy. Limits: 4 connections, a hello within 5 s,
        each command within 30 s, a session within 2 minutes. A dropped connection leaves the card as it is; one that
        stalls holds the card until those 30 s pass (a payer reconnecting to recover waits that out).
        Ctrl+C stops (exit 0). With --json each event is one JSON line (the first, "listening", has the address).
        Each payment received is kept in $SCC_HOME/journal/payments.jsonl (the payer's signed val, for the bank);
        if it cannot be kept there, scc says so and stops receiving (exit 7): the value is on the card, only its
        evidence is missing.
        Exit codes: 0 stopped (with --once: received); 1 with --once, refused; 3 with --once, no payment before
        --timeout; 5 with --once, left unfinished (epv), or the card holds an unfinished payment as the payer and is
        not served: finish it with 'scc recover' first; 7 a hotlist or issuer certificate that cannot be read, or a
        payment received whose evidence could not be kept.
        """;

    public const string RecoverDescription =
        "Finish an interrupted payment from the cards' own states (--from CARD --to CARD): RESUME where it can still " +
        "complete, abort (logging the value) where it cannot. Or give up one purse's transfer: --abandon --card CARD.";

    public const string RecoverEpilog =
        """
        Examples:
          scc recover --from alice --to shop
          scc recover --from alice --to tcp://127.0.0.1:7000
          scc recover --abandon --card alice

        Exit codes: 0 finished, cleared (nothing had been debited) or nothing to recover; 1 the purses' unfinished
        transfers are with other purses; 3 a card cannot be reached at all: no card or reader, nobody receiving at
        tcp://HOST:PORT, or the remote card still busy after 45 s; 4 a card stopped answering; 5 still interrupted
        (a card out of reach) or ended with the value in an exception log for the bank; 7 the payment was finished but
        its evidence could not be kept in $SCC_HOME/journal/payments.jsonl. Running it again is safe: it acts on what
        the cards hold. A payment it finishes is journalled like one 'scc pay' completes.
        A remote card (tcp://) may still be held by the interrupted payment's connection when that stalled rather than
        closed: its receiver lets go within 30 s, and recover waits up to 45 s for it. If it still says busy, wait and
        run recover again.
        """;

    public const string DemoDescription =
        "The whole money flow in a few seconds, on emulated cards and the real bank service on a free loopback port: an " +
        "issuer; accounts, cash paid in and a bank purse minted; cards loaded from accounts; payments (one cut off and " +
        "finished with RESUME); the shop's deposit minus its fee; the journal cleared; a payment definitely lost and " +
        "refunded exactly once from the cards' exception logs; and the audit, ending with the books balancing. Lives in " +
        "$SCC_HOME/demo (or --home); running it again starts afresh.";

    public const string DemoEpilog =
        """
        Notes:
          Needs nothing but .NET: no reader, no pcscd, no network beyond loopback. The cards, the bank's SQLite
          database and its keys (0600 files in bank/) stay in the demo folder afterwards:
            SCC_HOME=~/.local/share/smartcardcash/demo scc balance --card alice
            SCC_HOME=~/.local/share/smartcardcash/demo scc bank serve
        """;
}
