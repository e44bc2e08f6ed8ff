using CsCheck;
using SmartCardCash.Iso7816;
using SmartCardCash.Purse.Applet.Tests.Support;
using SmartCardCash.Purse.Conformance;
using SmartCardCash.Purse.Spec;
using static SmartCardCash.Purse.Applet.Tests.Support.Purses;

namespace SmartCardCash.Purse.Applet.Tests;

/// <summary>
/// Random APDUs, biased towards CLA 80, the purse's instructions and plausible data, against purses in every lifecycle
/// and transfer state: the applet never throws anything but IsoException, and an error status word leaves persistent
/// memory byte-identical — except for a well-formed START FROM, START TO or READ LOG of exceptions, whose only allowed
/// change is the abort (spec 4.3).
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

    private static readonly Lazy<IReadOnlyList<(string Name, byte[] Image, CommandApdu? Valid)>> States = new(BuildStates);

    private static readonly Gen<byte> Cla = Gen.Frequency((14, Gen.Const((byte)0x80)), (3, Gen.Const((byte)0x00)), (2, Gen.Byte));

    private static readonly Gen<byte> Ins = Gen.Frequency((8, Gen.Int[0, Instructions.Length - 1].Select(i => Instructions[i])), (2, Gen.Byte));

    private static readonly Gen<byte> Parameter = Gen.Frequency((6, Gen.Const((byte)0)), (2, Gen.Byte[1, 6]), (1, Gen.Const((byte)0xBE)), (1, Gen.Byte));

    private static readonly Gen<byte[]> TlvElement =
        Gen.Select(Gen.Int[0, Tags.Length - 1], Gen.Byte.Array[0, 70], (t, v) => PurseTlvBuilder.Encode(Tags[t], v));

    private static readonly Gen<byte[]> Data = Gen.Frequency(
        (3, Gen.Const(Array.Empty<byte>())),
        (3, Gen.Byte.Array[1, 80]),
        (4, TlvElement.Array[1, 4].Select(elements => elements.SelectMany(e => e).Take(255).ToArray())));

    private static readonly Gen<CommandApdu> Apdus = Gen.Select(Cla, Ins, Parameter, Parameter, Data, Gen.Int[0, 9],
        (cla, ins, p1, p2, data, le) => new CommandApdu(cla, ins, p1, p2, data, le is < 5 or 9 ? 256 : le == 5 ? 1 : 0,
            le == 9 ? ApduEncoding.Extended : ApduEncoding.Auto));

    [Fact]
    public void Random_APDUs_never_fail_internally_and_errors_change_nothing_but_the_abort()
    {
        Gen.Select(Gen.Int[0, States.Value.Count - 1], Apdus.Array[1, 6], Gen.Bool)
            .Sample((state, apdus, verifyPeer) => RunFrom(States.Value[state], apdus, verifyPeer), iter: 600);
    }

    [Fact]
    public void Mutations_of_valid_commands_never_fail_internally_and_errors_change_nothing_but_the_abort()
    {
        IReadOnlyList<(string Name, byte[] Image, CommandApdu? Valid)> states = States.Value;
        Gen.Select(Gen.Int[0, states.Count - 1], Gen.Int[0, 300], Gen.Byte, Gen.Int[0, 3])
            .Sample((state, position, value, kind) =>
            {
                CommandApdu? valid = states[state].Valid;
                if (valid is null)
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
                RunFrom(states[state], [new CommandApdu(valid.Cla, valid.Ins, valid.P1, valid.P2, data, 256)], true);
            }, iter: 600);
    }

    private static void RunFrom((string Name, byte[] Image, CommandApdu? Valid) state, CommandApdu[] apdus, bool verifyPeer)
    {
        PurseUnderTest purse = Template.CloneFromImageOf(state.Image);
        purse.Send(PurseCommands.Select());
        if (verifyPeer)
        {
            purse.Send(PurseCommands.VerifyCertificate(Peers.Merchant.Certificate.Encoded));
        }
        foreach (CommandApdu apdu in apdus)
        {
            byte[] before = purse.Snapshot();
            byte[]? afterAbort = AbortedImage(before);
            ResponseApdu response = purse.Send(apdu);
            purse.AssertNoInternalErrors();
            StatusWord sw = response.StatusWord;
            if (sw.IsSuccess || sw.HasMoreData || sw.IsWarning)
            {
                continue;
            }
            byte[] after = purse.Snapshot();
            bool unchanged = after.AsSpan().SequenceEqual(before);
            bool mayAbort = apdu.Cla == 0x80 && (apdu.Ins is PurseInstruction.StartFrom or PurseInstruction.StartTo
                || (apdu.Ins == PurseInstruction.ReadLog && apdu.P2 == (byte)PurseLogKind.Exceptions));
            Assert.True(unchanged || (mayAbort && afterAbort is not null && after.AsSpan().SequenceEqual(afterAbort)),
                $"{state.Name}: {apdu} answered {sw} and changed persistent memory beyond the abort");
        }
    }

    /// <summary>The image after ABORT from <paramref name="image"/>, or null where ABORT is not allowed.</summary>
    private static byte[]? AbortedImage(byte[] image)
    {
        PurseUnderTest copy = Template.CloneFromImageOf(image);
        copy.Send(PurseCommands.Select());
        return copy.Send(PurseCommands.Abort()).IsSuccess ? copy.Snapshot() : null;
    }

    /// <summary>Purses in each lifecycle and transfer state, and a valid command data for mutations.</summary>
    private static IReadOnlyList<(string, byte[], CommandApdu?)> BuildStates()
    {
        var states = new List<(string, byte[], CommandApdu?)>();
        PurseUnderTest blank = Blank("property");
        states.Add(("fresh", blank.Snapshot(), PurseCommands.PutIssuerCertificate(TestIssuer.Default.Certificate.Encoded)));

        PurseUnderTest idle = Peers.Loaded(PurseClass.Customer, 5_000, Eur, Gbp);
        states.Add(("idle", idle.Snapshot(), PurseCommands.StartFrom(Peers.Merchant.Id, Eur, 10, 4)));
        states.Add(("idle, receiving", idle.Snapshot(), PurseCommands.StartTo(Peers.Merchant.Id, Eur, 10, 4)));
        states.Add(("idle, certificate", idle.Snapshot(), PurseCommands.VerifyCertificate(Peers.Bank.Certificate.Encoded)));

        PurseUnderTest epr = Peers.Loaded(PurseClass.Customer, 5_000, Eur);
        PaymentDetails eprPd = epr.StartPaying(Peers.Merchant, Eur, 10);
        states.Add(("epr", epr.Snapshot(), PurseCommands.Req(Peers.Merchant.Sign(MessageType.Req, eprPd))));

        PurseUnderTest epv = Peers.Loaded(PurseClass.Customer, 5_000, Eur);
        PaymentDetails epvPd = epv.StartReceiving(Peers.Merchant, Eur, 10);
        states.Add(("epv", epv.Snapshot(), PurseCommands.Val(Peers.Merchant.Sign(MessageType.Val, epvPd))));

        PurseUnderTest epa = Peers.Loaded(PurseClass.Customer, 5_000, Eur);
        PaymentDetails epaPd = epa.PayUntilAck(Peers.Merchant, Eur, 10);
        states.Add(("epa", epa.Snapshot(), PurseCommands.Ack(Peers.Merchant.Sign(MessageType.Ack, epaPd))));
        states.Add(("epa, lock code", epa.Snapshot(), PurseCommands.ChangeLockCode("1234", "5678")));

        PurseUnderTest bank = Bank(10_000, Eur);
        states.Add(("bank", bank.Snapshot(), TestIssuer.Default.Authorise(IssuerAuthorisation.Mint(bank.Id, 1, Eur, 5))));
        states.Add(("bank, reset", bank.Snapshot(), TestIssuer.Default.Authorise(IssuerAuthorisation.ResetLockCode(bank.Id, 1, "9876"))));

        PurseUnderTest blocked = Peers.Loaded(PurseClass.Customer, 5_000, Eur);
        blocked.SendOk(TestIssuer.Default.Authorise(IssuerAuthorisation.Deactivate(blocked.Id, 0)));
        states.Add(("blocked", blocked.Snapshot(), TestIssuer.Default.Authorise(IssuerAuthorisation.Activate(blocked.Id, 1))));

        PurseUnderTest terminated = Issued(PurseClass.Customer, Eur);
        terminated.SendOk(TestIssuer.Default.Authorise(IssuerAuthorisation.Terminate(terminated.Id, 0)));
        states.Add(("terminated", terminated.Snapshot(), null));
        return states;
    }

    private static class Template
    {
        public static PurseUnderTest CloneFromImageOf(byte[] image)
        {
            var card = new Harness.SimulatedCard(PurseApplet.Factory, Harness.JournaledMemory.FromImage(image),
                new Harness.Sha256CounterRandom("property"u8), PurseAid.Value);
            return new PurseUnderTest(card);
        }
    }
}
