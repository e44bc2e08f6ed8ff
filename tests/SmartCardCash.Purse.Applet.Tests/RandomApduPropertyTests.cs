using CsCheck;
using SmartCardCash.Emulator;
using SmartCardCash.Emulator.Memory;

namespace SmartCardCash.Purse.Applet.Tests;

/// <summary>
/// Bad input on the real card runtime: random bytes, and APDUs biased towards CLA 00 / 80, the purse's instructions
/// and plausible data, sent to purses in every lifecycle and transfer state over T=1, T=0 or contactless. Nothing
/// escapes <see cref="EmulatedCard.Transmit(ReadOnlySpan{byte})"/> (an applet fault would, as AppletFaultException),
/// and an error status word leaves the purse's region byte-identical — except that a START FROM, START TO or READ LOG
/// of exceptions may have aborted (spec 4.3, "abort first, precisely"), and then the region is exactly the one ABORT
/// gives. A 63Cx may have spent exactly one lock-code try.
/// </summary>
public class RandomApduPropertyTests
{
    private static readonly byte[] Instructions =
    [
        PurseInstruction.GetData, PurseInstruction.GenerateKeyPair, PurseInstruction.PutData, PurseInstruction.Activate,
        PurseInstruction.VerifyCertificate, PurseInstruction.StartFrom, PurseInstruction.StartTo, PurseInstruction.Req,
        PurseInstruction.Val, PurseInstruction.Ack, PurseInstruction.Abort, PurseInstruction.Resume, PurseInstruction.ReadLog,
        PurseInstruction.VerifyLockCode, PurseInstruction.ChangeLockCode, PurseInstruction.Lock, PurseInstruction.Unlock,
        PurseInstruction.Mint, PurseInstruction.ClearExceptionLog, PurseInstruction.Deactivate, PurseInstruction.Terminate,
        PurseInstruction.ResetLockCode, PurseInstruction.Select, PurseInstruction.GetResponse,
    ];

    private static readonly ushort[] Tags =
    [
        0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x89, 0x8A, 0x8B, 0x8C, 0x8D, 0x8E, 0x90, 0x9E, 0xA0, 0xC0, 0x7F21, 0x7F4E, 0x7F49,
    ];

    private static readonly InterfaceProfile[] Interfaces = [InterfaceProfile.ContactT1, InterfaceProfile.ContactT0, InterfaceProfile.Contactless];

    private static readonly Lazy<IReadOnlyList<PurseState>> States = new(BuildStates);

    /// <summary>Error answers whose only change was the abort (spec 4.3), over the whole class.</summary>
    private static int _refusedAfterAbort;

    private static readonly Gen<byte> Cla = Gen.Frequency((12, Gen.Const((byte)0x80)), (4, Gen.Const((byte)0x00)), (3, Gen.Byte));

    private static readonly Gen<byte> Ins = Gen.Frequency((8, Gen.Int[0, Instructions.Length - 1].Select(i => Instructions[i])), (2, Gen.Byte));

    private static readonly Gen<byte> Parameter = Gen.Frequency((6, Gen.Const((byte)0)), (2, Gen.Byte[1, 6]), (1, Gen.Const((byte)0xBE)), (1, Gen.Byte));

    private static readonly Gen<byte[]> TlvElement =
        Gen.Select(Gen.Int[0, Tags.Length - 1], Gen.Byte.Array[0, 70], (t, v) => PurseTlvBuilder.Encode(Tags[t], v));

    private static readonly Gen<byte[]> Data = Gen.Frequency(
        (3, Gen.Const(Array.Empty<byte>())),
        (3, Gen.Byte.Array[1, 80]),
        (4, TlvElement.Array[1, 4].Select(elements => elements.SelectMany(e => e).Take(255).ToArray())));

    /// <summary>Structured APDUs: Le absent, 00 or 01; one in ten extended.</summary>
    private static readonly Gen<byte[]> Structured = Gen.Select(Cla, Ins, Parameter, Parameter, Data, Gen.Int[0, 9],
        (cla, ins, p1, p2, data, le) => new CommandApdu(cla, ins, p1, p2, data, le is < 5 or 9 ? 256 : le == 5 ? 1 : 0,
            le == 9 ? ApduEncoding.Extended : ApduEncoding.Auto).ToBytes());

    /// <summary>Anything at all, lengths that do not add up included.</summary>
    private static readonly Gen<byte[]> RandomBytes = Gen.Byte.Array[0, 300];

    private static readonly Gen<byte[]> Apdus = Gen.Frequency((5, Structured), (1, RandomBytes));

    [Fact]
    public void Random_APDUs_never_fail_internally_and_errors_change_nothing_but_the_abort()
    {
        Gen.Select(Gen.Int[0, States.Value.Count - 1], Gen.Int[0, Interfaces.Length - 1], Apdus.Array[1, 6], Gen.Bool)
            .Sample((state, via, apdus, verifyPeer) => RunFrom(States.Value[state], Interfaces[via], apdus, verifyPeer), iter: 500);
    }

    [Fact]
    public void Mutations_of_valid_commands_never_fail_internally_and_errors_change_nothing_but_the_abort()
    {
        IReadOnlyList<PurseState> states = States.Value;
        int abortsBefore = Volatile.Read(ref _refusedAfterAbort);
        Gen.Select(Gen.Int[0, states.Count - 1], Gen.Int[0, 300], Gen.Byte, Gen.Int[0, 3])
            .Sample((state, position, value, kind) =>
            {
                CommandApdu? valid = states[state].Valid;
                if (valid is null || valid.Data.IsEmpty)
                {
                    return;
                }
                byte[] data = valid.Data.ToArray();
                int at = position % data.Length;
                data = kind switch
                {
                    0 => data.Select((b, i) => i == at ? value : b).ToArray(),
                    1 => data[..at],
                    2 => [.. data[..at], value, .. data[at..]],
                    _ => data.Select((b, i) => i == at ? (byte)(b ^ (1 << (value & 7))) : b).ToArray(),
                };
                byte[] mutated = new CommandApdu(valid.Cla, valid.Ins, valid.P1, valid.P2, data, 256).ToBytes();
                RunFrom(states[state], InterfaceProfile.ContactT1, [mutated], verifyPeer: true);
            }, iter: 500);
        // Mutated starts in epv and epa: some are still well formed, refused after their abort, and checked as such.
        Assert.True(Volatile.Read(ref _refusedAfterAbort) > abortsBefore, "no mutation was refused after its abort");
    }

    [Theory]
    [InlineData("epa", "80CA00010100 00", 0x6700)]
    [InlineData("epa", "80CA000100010000", 0x6700)]
    [InlineData("epa", "805A000001AA", 0x6700)]
    [InlineData("epa", "80CA000700", 0x6A86)]
    [InlineData("epa", "80B2000300", 0x6A86)]
    [InlineData("epa", "806A000000", 0x6D00)]
    [InlineData("epa", "8000000000", 0x6D00)]
    [InlineData("epa", "A0CA000100", 0x6E00)]
    [InlineData("epa", "20CA000100", 0x6E00)]
    [InlineData("epa", "80440000", 0x6985)]
    [InlineData("epa", "00C0000000", 0x6985)]
    [InlineData("personalisation", "80500000038001AA00", 0x6985)]
    [InlineData("epa", "802A00BE037F2100", 0x6A80)]
    [InlineData("epa", "80540000037F2100", 0x6A80)]
    [InlineData("locked", "{start}", 0x6982)]
    [InlineData("epa", "{forged-deactivate}", 0x6982)]
    [InlineData("code blocked", "8020000006 8A0431323334", 0x6983)]
    [InlineData("epa", "81CA000100", 0x6881)]
    [InlineData("epa", "40CA000100", 0x6881)]
    [InlineData("epa", "C0CA000100", 0x6881)]
    [InlineData("epa", "84CA000100", 0x6882)]
    [InlineData("epa", "0CCA000100", 0x6882)]
    [InlineData("epa", "90CA000100", 0x6884)]
    public void An_error_status_word_changes_nothing_and_aborts_nothing(string state, string apdu, ushort expected)
    {
        PurseState start = States.Value.Single(s => s.Name == state);
        PurseCard card = PurseCard.FromImage(start.Image, start.Seed);
        Assert.True(card.Transmit(PurseCommands.Select()).StatusWord.Value is 0x9000 or 0x6283);
        card.Transmit(PurseCommands.VerifyCertificate(Peers.Merchant.Certificate.Encoded));
        byte[] command = apdu switch
        {
            "{start}" => PurseCommands.StartFrom(Peers.Merchant.Id, Eur, 1, 1).ToBytes(),
            "{forged-deactivate}" => IssuerAuthorisation.Deactivate(PurseId.Read(card.ReadPersistentMemory().AsSpan(PurseLayout.PurseId, PurseId.Length)), 0)
                .ToSignedCommand(ConformanceKeys.Stranger.PrivateKey).ToBytes(),
            _ => Hex.Decode(apdu.Replace(" ", "", StringComparison.Ordinal)),
        };
        byte[] before = card.ReadPersistentMemory();

        ResponseApdu response = ResponseApdu.Parse(card.Transmit(command));

        Assert.Equal(expected, response.StatusWord.Value);
        Assert.True(response.Data.IsEmpty);
        Refusals.AssertSameMemory(before, card.ReadPersistentMemory());
        card.AssertNoInternalErrors();
    }

    private static void RunFrom(PurseState state, InterfaceProfile via, byte[][] apdus, bool verifyPeer)
    {
        PurseCard card = PurseCard.FromImage(state.Image, state.Seed, via);
        card.Transmit(PurseCommands.Select());
        if (verifyPeer)
        {
            card.Transmit(PurseCommands.VerifyCertificate(Peers.Merchant.Certificate.Encoded));
        }
        foreach (byte[] apdu in apdus)
        {
            NvmSnapshot image = card.SnapshotNvm();
            byte[] before = card.ReadPersistentMemory();
            var sw = new StatusWord(ReadStatusWord(card.Transmit(apdu)));
            card.AssertNoInternalErrors();
            if (sw.IsSuccess || sw.HasMoreData || (sw.IsWarning && sw.Sw1 != 0x63))
            {
                continue;
            }
            byte[] after = card.ReadPersistentMemory();
            if (after.AsSpan().SequenceEqual(before))
            {
                continue;
            }
            string what = $"{state} over {via}: {Hex.Encode(apdu)} answered {sw.ToDisplayString()}";
            if (sw.Sw1 == 0x63)
            {
                byte[] spent = (byte[])before.Clone();
                spent[PurseLayout.LockCodeRemaining]--;
                Assert.True(after.AsSpan().SequenceEqual(spent), $"{what} and changed more than one lock-code try: {RegionDiff.Describe(spent, after)}");
                continue;
            }
            bool abortsFirst = apdu.Length >= 4 && apdu[0] == PurseInstruction.ProprietaryClass
                && (apdu[1] is PurseInstruction.StartFrom or PurseInstruction.StartTo
                    || (apdu[1] == PurseInstruction.ReadLog && apdu[3] == (byte)PurseLogKind.Exceptions));
            Assert.True(abortsFirst, $"{what} and changed {RegionDiff.Describe(before, after)}");
            byte[] aborted = AbortedRegion(image, state.Seed);
            Assert.True(after.AsSpan().SequenceEqual(aborted), $"{what} and changed more than the abort: {RegionDiff.Describe(aborted, after)}");
            Interlocked.Increment(ref _refusedAfterAbort);
        }
    }

    private static ushort ReadStatusWord(byte[] response)
    {
        Assert.True(response.Length >= 2);
        return (ushort)(response[^2] << 8 | response[^1]);
    }

    /// <summary>The region after ABORT from <paramref name="image"/>.</summary>
    private static byte[] AbortedRegion(NvmSnapshot image, string seed)
    {
        PurseCard copy = PurseCard.FromImage(image, seed);
        copy.Transmit(PurseCommands.Select());
        Assert.True(copy.Transmit(PurseCommands.Abort()).IsSuccess);
        return copy.ReadPersistentMemory();
    }

    /// <summary>Purses in each lifecycle and transfer state, with a valid command there to mutate.</summary>
    private static List<PurseState> BuildStates()
    {
        var states = new List<PurseState>();
        PurseUnderTest blank = Blank("property");
        states.Add(PurseState.Of("personalisation", blank, PurseCommands.PutIssuerCertificate(TestIssuer.Default.Certificate.Encoded)));
        blank.SendOk(PurseCommands.GenerateKeyPair());
        blank.SendOk(PurseCommands.PutIssuerCertificate(TestIssuer.Default.Certificate.Encoded));
        states.Add(PurseState.Of("personalisation, issuer certificate loaded", blank, PurseCommands.PutLockCode("1234", 3)));

        PurseUnderTest idle = Peers.Loaded(PurseClass.Customer, 5_000, Eur, Gbp);
        states.Add(PurseState.Of("idle", idle, PurseCommands.StartFrom(Peers.Merchant.Id, Eur, 10, 4)));
        states.Add(PurseState.Of("idle, receiving", idle, PurseCommands.StartTo(Peers.Merchant.Id, Eur, 10, 4)));
        states.Add(PurseState.Of("idle, certificate", idle, PurseCommands.VerifyCertificate(Peers.Bank.Certificate.Encoded)));

        PurseUnderTest epr = idle.Clone();
        PaymentDetails eprPd = epr.StartPaying(Peers.Merchant, Eur, 10);
        states.Add(PurseState.Of("epr", epr, PurseCommands.Req(Peers.Merchant.Sign(MessageType.Req, eprPd))));

        PurseUnderTest epv = idle.Clone();
        PaymentDetails epvPd = epv.StartReceiving(Peers.Merchant, Eur, 10);
        states.Add(PurseState.Of("epv", epv, PurseCommands.Val(Peers.Merchant.Sign(MessageType.Val, epvPd))));
        states.Add(PurseState.Of("epv, start", epv, PurseCommands.StartFrom(Peers.Merchant.Id, Eur, 10, 4)));

        PurseUnderTest epa = idle.Clone();
        PaymentDetails epaPd = epa.PayUntilAck(Peers.Merchant, Eur, 10);
        states.Add(PurseState.Of("epa", epa, PurseCommands.Ack(Peers.Merchant.Sign(MessageType.Ack, epaPd))));
        states.Add(PurseState.Of("epa, lock code", epa, PurseCommands.ChangeLockCode("1234", "5678")));
        states.Add(PurseState.Of("epa, start", epa, PurseCommands.StartTo(Peers.Merchant.Id, Eur, 10, 4)));

        PurseUnderTest bank = Bank(10_000, Eur);
        states.Add(PurseState.Of("bank", bank, TestIssuer.Default.Authorise(IssuerAuthorisation.Mint(bank.Id, 1, Eur, 5))));
        states.Add(PurseState.Of("bank, reset", bank, TestIssuer.Default.Authorise(IssuerAuthorisation.ResetLockCode(bank.Id, 1, "9876"))));

        PurseUnderTest locked = idle.Clone();
        locked.SendOk(PurseCommands.Lock("1234"));
        states.Add(PurseState.Of("locked", locked, PurseCommands.Unlock("1234")));

        PurseUnderTest codeBlocked = idle.Clone();
        for (int i = 0; i < 3; i++)
        {
            codeBlocked.Send(PurseCommands.VerifyLockCode("0000"));
        }
        states.Add(PurseState.Of("code blocked", codeBlocked, TestIssuer.Default.Authorise(IssuerAuthorisation.ResetLockCode(idle.Id, 0, "1357"))));

        PurseUnderTest blocked = epa.Clone();
        blocked.SendOk(TestIssuer.Default.Authorise(IssuerAuthorisation.Deactivate(blocked.Id, 0)));
        states.Add(PurseState.Of("blocked", blocked, TestIssuer.Default.Authorise(IssuerAuthorisation.Activate(blocked.Id, 1))));

        PurseUnderTest terminated = Issued(PurseClass.Customer, Eur);
        terminated.SendOk(TestIssuer.Default.Authorise(IssuerAuthorisation.Terminate(terminated.Id, 0)));
        states.Add(PurseState.Of("terminated", terminated, null));
        return states;
    }
}
