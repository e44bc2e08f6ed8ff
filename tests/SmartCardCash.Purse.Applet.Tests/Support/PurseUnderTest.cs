using SmartCardCash.Emulator;

namespace SmartCardCash.Purse.Applet.Tests.Support;

/// <summary>A purse applet on a host (the emulated card unless a test says otherwise), with the host-side reads the tests need.</summary>
internal sealed class PurseUnderTest
{
    public PurseUnderTest(IPurseHost host)
    {
        Host = host;
    }

    public IPurseHost Host { get; }

    /// <summary>The emulated card the purse is installed on.</summary>
    public PurseCard Card => Host as PurseCard ?? throw new InvalidOperationException($"{Host.Name} is not an emulated card");

    /// <summary>Set once personalised.</summary>
    public PurseId Id { get; set; }

    public PurseClass Class { get; set; }

    public IReadOnlyList<CurrencyCode> Currencies { get; set; } = [];

    public byte[] PublicKey { get; set; } = [];

    public PurseCertificate? Certificate { get; set; }

    public ResponseApdu Send(CommandApdu command) => Host.Transmit(command);

    /// <summary>Sends and insists on 9000; returns the response data.</summary>
    public byte[] SendOk(CommandApdu command)
    {
        ResponseApdu response = Host.Transmit(command);
        Assert.True(response.IsSuccess, $"{command} answered {response.StatusWord.ToDisplayString()}");
        return response.Data.ToArray();
    }

    /// <summary>Sends and insists on <paramref name="expected"/>.</summary>
    public ResponseApdu SendExpect(CommandApdu command, ushort expected)
    {
        ResponseApdu response = Host.Transmit(command);
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

    /// <summary>Reads the exception log (READ LOG aborts first: only call it when nothing is in progress, or to abort).</summary>
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

    /// <summary>The purse's persistent memory, byte for byte.</summary>
    public byte[] Snapshot() => Host.ReadPersistentMemory();

    /// <summary>Power off and on (a new applet instance), then SELECT.</summary>
    public void PowerCycle()
    {
        Host.PowerCycle();
        Select();
    }

    /// <summary>Power off, then on through <paramref name="via"/> (a dual-interface card), then SELECT.</summary>
    public void PowerCycle(InterfaceProfile via)
    {
        Card.PowerCycle(via);
        Select();
    }

    /// <summary>The same purse on another emulated card whose memory is a copy of this one's now; selected.</summary>
    public PurseUnderTest Clone(string? seed = null)
    {
        var clone = new PurseUnderTest(Card.Clone(seed))
        {
            Id = Id,
            Class = Class,
            Currencies = Currencies,
            PublicKey = PublicKey,
            Certificate = Certificate,
        };
        clone.Select();
        return clone;
    }

    public void AssertNoInternalErrors() => Host.AssertNoInternalErrors();

    public override string ToString() => $"purse {Id} ({Class}) on {Host.Name}";
}
