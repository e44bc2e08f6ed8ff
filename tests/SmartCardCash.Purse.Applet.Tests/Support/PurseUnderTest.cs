using SmartCardCash.Emulator.Applets;
using SmartCardCash.Iso7816;
using SmartCardCash.Purse.Applet.Tests.Harness;
using SmartCardCash.Purse.Conformance;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Applet.Tests.Support;

/// <summary>A purse applet on a <see cref="SimulatedCard"/>, with the host-side reads the tests need.</summary>
internal sealed class PurseUnderTest
{
    public PurseUnderTest(SimulatedCard card)
    {
        Card = card;
    }

    public SimulatedCard Card { get; }

    /// <summary>Set once personalised.</summary>
    public PurseId Id { get; set; }

    public PurseClass Class { get; set; }

    public IReadOnlyList<CurrencyCode> Currencies { get; set; } = [];

    public byte[] PublicKey { get; set; } = [];

    public PurseCertificate? Certificate { get; set; }

    public string LockCode { get; set; } = "1234";

    public ResponseApdu Send(CommandApdu command) => Card.Transmit(command);

    /// <summary>Sends and insists on 9000; returns the response data.</summary>
    public byte[] SendOk(CommandApdu command)
    {
        ResponseApdu response = Card.Transmit(command);
        Assert.True(response.IsSuccess, $"{command} answered {response.StatusWord.ToDisplayString()}");
        return response.Data.ToArray();
    }

    /// <summary>Sends and insists on <paramref name="expected"/>.</summary>
    public ResponseApdu SendExpect(CommandApdu command, ushort expected)
    {
        ResponseApdu response = Card.Transmit(command);
        Assert.True(response.StatusWord.Value == expected,
            $"{command} answered {response.StatusWord.ToDisplayString()}; expected {expected:X4}");
        return response;
    }

    public void Select() => Assert.True(Send(PurseCommands.Select()).StatusWord.Value is 0x9000 or 0x6283);

    public PurseStatus Status() => PurseResponses.ParseStatus(SendOk(PurseCommands.GetData(PurseDataObject.Status)));

    public PendingTransfer Pending() => PurseResponses.ParsePendingTransfer(SendOk(PurseCommands.GetData(PurseDataObject.PendingTransfer)));

    public uint Balance(CurrencyCode currency) =>
        PurseResponses.ParseBalances(SendOk(PurseCommands.GetData(PurseDataObject.Balances))).Single(p => p.Currency == currency).Balance;

    public ulong TotalBalance() =>
        PurseResponses.ParseBalances(SendOk(PurseCommands.GetData(PurseDataObject.Balances))).Aggregate(0UL, (sum, p) => sum + p.Balance);

    public uint NextSeq => Status().NextSequenceNumber;

    public IReadOnlyList<ExceptionLogEntry> ExceptionLog()
    {
        int count = Status().ExceptionLogCount;
        return [.. Enumerable.Range(0, count).Select(i =>
            PurseResponses.ParseExceptionLogEntry(SendOk(PurseCommands.ReadLog(PurseLogKind.Exceptions, (byte)i))))];
    }

    public void VerifyPeer(PurseCertificate peer) => SendOk(PurseCommands.VerifyCertificate(peer.Encoded));

    public void Mint(CurrencyCode currency, uint amount, TestIssuer? issuer = null)
    {
        uint counter = Status().IssuerCounter;
        SendOk((issuer ?? TestIssuer.Default).Authorise(IssuerAuthorisation.Mint(Id, counter, currency, amount)));
    }

    public byte[] Snapshot() => Card.Memory.Snapshot();

    /// <summary>Power off and on (a new applet instance), then SELECT.</summary>
    public void PowerCycle()
    {
        Card.PowerUp();
        Select();
    }

    /// <summary>Another card whose persistent memory is a copy of this one's now (powered up, not selected).</summary>
    public PurseUnderTest CloneFromImage(string seed = "clone")
    {
        var card = new SimulatedCard(PurseApplet.Factory, JournaledMemory.FromImage(Snapshot()),
            new Sha256CounterRandom(System.Text.Encoding.ASCII.GetBytes(seed)), PurseAid.Value)
        {
            Interface = Card.Interface,
        };
        return new PurseUnderTest(card)
        {
            Id = Id,
            Class = Class,
            Currencies = Currencies,
            PublicKey = PublicKey,
            Certificate = Certificate,
            LockCode = LockCode,
        };
    }

    public void AssertNoInternalErrors() =>
        Assert.True(Card.InternalErrors.Count == 0, "internal errors: " + string.Join("; ", Card.InternalErrors.Select(e => e.Message)));

    public void UseInterface(CardInterface cardInterface) => Card.Interface = cardInterface;

    public override string ToString() => $"purse {Id} ({Class})";
}
