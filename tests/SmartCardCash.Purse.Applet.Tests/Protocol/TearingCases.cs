namespace SmartCardCash.Purse.Applet.Tests.Protocol;

/// <summary>
/// Every command that writes (spec 8.3), each from a state where it does: personalisation, the transfer protocol with
/// and without a transfer to abort first, the lock-code commands, and the issuer commands.
/// </summary>
internal static class TearingCases
{
    private static readonly TestIssuer Issuer = TestIssuer.Default;
    private static readonly Lazy<IReadOnlyList<TearingCase>> Cases = new(Build);

    public static IReadOnlyList<TearingCase> All => Cases.Value;

    public static TearingCase Named(string name) => All.Single(c => c.Name == name);

    private static List<TearingCase> Build() => [.. Personalisation(), .. Transfers(), .. LockCode(), .. IssuerCommands()];

    private static IEnumerable<TearingCase> Personalisation()
    {
        PurseUnderTest purse = Blank("tearing: personalisation");
        PurseId id = NewId();
        yield return Case("GENERATE KEY PAIR", purse, PurseCommands.GenerateKeyPair());
        byte[] publicKey = PurseResponses.ParsePublicKey(purse.SendOk(PurseCommands.GenerateKeyPair()));

        yield return Case("PUT DATA issuer certificate", purse, PurseCommands.PutIssuerCertificate(Issuer.Certificate.Encoded));
        purse.SendOk(PurseCommands.PutIssuerCertificate(Issuer.Certificate.Encoded));

        PurseCertificate certificate = Issuer.Certify(id, PurseClass.Customer, [Eur, Gbp], Effective, Expiry, publicKey);
        yield return Case("PUT DATA purse certificate", purse, PurseCommands.PutPurseCertificate(certificate.Encoded));
        purse.SendOk(PurseCommands.PutPurseCertificate(certificate.Encoded));

        // Another seed: a new key, so that the key pair changes too.
        yield return Case("GENERATE KEY PAIR over a purse certificate", purse, PurseCommands.GenerateKeyPair(),
            seed: "tearing: second key");

        CommandApdu eurLimits = PurseCommands.PutPocketLimits(Eur, MaximumBalance, TransactionLimit, ContactlessLimit);
        yield return Case("PUT DATA pocket limits", purse, eurLimits);
        purse.SendOk(eurLimits);
        purse.SendOk(PurseCommands.PutPocketLimits(Gbp, MaximumBalance, TransactionLimit, ContactlessLimit));

        yield return Case("PUT DATA lock code", purse, PurseCommands.PutLockCode("1234", 3));
        purse.SendOk(PurseCommands.PutLockCode("1234", 3));

        yield return Case("ACTIVATE from PERSONALISATION", purse, PurseCommands.Activate());
    }

    private static IEnumerable<TearingCase> Transfers()
    {
        PurseUnderTest idle = Peers.Loaded(PurseClass.Customer, 10_000, Eur);
        yield return Case("VERIFY CERTIFICATE advancing the trusted date", idle,
            PurseCommands.VerifyCertificate(Peers.FromTheFuture.Certificate.Encoded));
        yield return Case("START FROM", idle, PurseCommands.StartFrom(Peers.Merchant.Id, Eur, 700, 3), WithPeer(Peers.Merchant));
        yield return Case("START TO", idle, PurseCommands.StartTo(Peers.Customer.Id, Eur, 300, 12), WithPeer(Peers.Customer));

        PurseUnderTest epr = idle.Clone();
        PaymentDetails eprPd = epr.StartPaying(Peers.Merchant, Eur, 700, 3);
        yield return Case("REQ", epr, PurseCommands.Req(Peers.Merchant.Sign(MessageType.Req, eprPd)));
        yield return Case("ABORT in epr", epr, PurseCommands.Abort());

        PurseUnderTest epv = idle.Clone();
        PaymentDetails epvPd = epv.StartReceiving(Peers.Customer, Eur, 300, 12);
        yield return Case("VAL", epv, PurseCommands.Val(Peers.Customer.Sign(MessageType.Val, epvPd)));
        yield return Case("ABORT in epv", epv, PurseCommands.Abort());
        yield return Case("START FROM aborting epv", epv, PurseCommands.StartFrom(Peers.Merchant.Id, Eur, 700, 3), WithPeer(Peers.Merchant));
        yield return Case("START FROM refused after aborting epv (9401)", epv,
            PurseCommands.StartFrom(Peers.Merchant.Id, Eur, 20_000, 3), WithPeer(Peers.Merchant), 0x9401);
        yield return Case("READ LOG exceptions aborting epv, no record there (6A83)", epv,
            PurseCommands.ReadLog(PurseLogKind.Exceptions, 5), expectedSw: 0x6A83);

        PurseUnderTest epa = idle.Clone();
        PaymentDetails epaPd = epa.PayUntilAck(Peers.Merchant, Eur, 700, 3);
        yield return Case("ACK", epa, PurseCommands.Ack(Peers.Merchant.Sign(MessageType.Ack, epaPd)));
        yield return Case("ABORT in epa", epa, PurseCommands.Abort());
        yield return Case("START TO aborting epa", epa, PurseCommands.StartTo(Peers.Customer.Id, Eur, 300, 12), WithPeer(Peers.Customer));
        yield return Case("READ LOG exceptions aborting epa", epa, PurseCommands.ReadLog(PurseLogKind.Exceptions, 0));
        yield return Case("DEACTIVATE aborting epa", epa, Issuer.Authorise(IssuerAuthorisation.Deactivate(epa.Id, 0)));
    }

    private static IEnumerable<TearingCase> LockCode()
    {
        PurseUnderTest purse = Peers.Loaded(PurseClass.Customer, 1_000, Eur);
        // One wrong try first (2 of 3 left), so that the restore after a match is visible in the region.
        purse.SendExpect(PurseCommands.VerifyLockCode("0000"), 0x63C2);
        yield return Case("VERIFY LOCK CODE", purse, PurseCommands.VerifyLockCode("1234"), between: SpentTry);
        yield return Case("VERIFY LOCK CODE with a wrong code (63C1)", purse, PurseCommands.VerifyLockCode("9999"), expectedSw: 0x63C1);
        yield return Case("CHANGE LOCK CODE", purse, PurseCommands.ChangeLockCode("1234", "86420"), between: SpentTry);
        yield return Case("LOCK", purse, PurseCommands.Lock("1234"), between: SpentTry);

        PurseUnderTest locked = purse.Clone();
        locked.SendOk(PurseCommands.Lock("1234"));
        yield return Case("UNLOCK", locked, PurseCommands.Unlock("1234"), between: SpentTry);

        PurseUnderTest blocked = purse.Clone();
        blocked.SendExpect(PurseCommands.VerifyLockCode("0000"), 0x63C1);
        blocked.SendExpect(PurseCommands.VerifyLockCode("0000"), 0x63C0);
        yield return Case("RESET LOCK CODE", blocked, Issuer.Authorise(IssuerAuthorisation.ResetLockCode(blocked.Id, 0, "2468")));
    }

    private static IEnumerable<TearingCase> IssuerCommands()
    {
        PurseUnderTest bank = Issued(PurseClass.Bank, Eur, Gbp);
        yield return Case("MINT", bank, Issuer.Authorise(IssuerAuthorisation.Mint(bank.Id, 0, Gbp, 50_000)));
        PurseUnderTest receiving = bank.Clone();
        receiving.StartReceiving(Peers.Customer, Eur, 10, 3);
        yield return Case("MINT aborting epv", receiving, Issuer.Authorise(IssuerAuthorisation.Mint(bank.Id, 0, Eur, 50_000)));

        PurseUnderTest logged = Peers.Loaded(PurseClass.Customer, 1_000, Eur);
        logged.StartReceiving(Peers.Bank, Eur, 10, 7);
        logged.SendOk(PurseCommands.Abort());
        logged.PayUntilAck(Peers.Merchant, Eur, 5);
        logged.SendOk(PurseCommands.Abort());
        byte[] digest = ExceptionRecord.LogDigest(logged.ExceptionLog().Select(e => e.Record));
        yield return Case("CLEAR EXCEPTION LOG", logged, Issuer.Authorise(IssuerAuthorisation.ClearExceptionLog(logged.Id, 0, digest)));

        PurseUnderTest blocked = Peers.Loaded(PurseClass.Customer, 1_000, Eur);
        yield return Case("DEACTIVATE", blocked, Issuer.Authorise(IssuerAuthorisation.Deactivate(blocked.Id, 0)));
        blocked.SendOk(Issuer.Authorise(IssuerAuthorisation.Deactivate(blocked.Id, 0)));
        yield return Case("ACTIVATE from BLOCKED", blocked, Issuer.Authorise(IssuerAuthorisation.Activate(blocked.Id, 1)));

        PurseUnderTest empty = Issued(PurseClass.Customer, Eur);
        yield return Case("TERMINATE", empty, Issuer.Authorise(IssuerAuthorisation.Terminate(empty.Id, 0)));
    }

    /// <summary>SELECT, then VERIFY CERTIFICATE of the counterparty: the session a start needs.</summary>
    private static CommandApdu[] WithPeer(SimulatedPurse peer) =>
        [PurseCommands.Select(), PurseCommands.VerifyCertificate(peer.Certificate.Encoded)];

    /// <summary>The lock-code commands' first commit: one try spent, nothing else (spec 5.16, 8.3).</summary>
    private static byte[] SpentTry(byte[] before)
    {
        byte[] spent = (byte[])before.Clone();
        spent[PurseLayout.LockCodeRemaining]--;
        return spent;
    }

    private static TearingCase Case(string name, PurseUnderTest purse, CommandApdu command, CommandApdu[]? session = null,
        ushort expectedSw = 0x9000, string? seed = null, Func<byte[], byte[]>? between = null) => new()
        {
            Name = name,
            Before = purse.Card.SnapshotNvm(),
            Seed = seed ?? purse.Card.Seed,
            Session = session ?? [PurseCommands.Select()],
            Command = command,
            ExpectedSw = expectedSw,
            Between = between is null ? [] : [between],
        };
}
