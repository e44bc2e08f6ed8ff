namespace SmartCardCash.Purse.Applet.Tests.Commands;

/// <summary>GET DATA on an issued purse (spec 5.3): read-only, never aborting.</summary>
public class GetDataTests
{
    private readonly PurseUnderTest _purse = Peers.Loaded(PurseClass.Customer, 1_234, Eur, Gbp);

    [Fact]
    public void The_status_lists_every_field_in_order()
    {
        string hex = Hex.Encode(_purse.SendOk(PurseCommands.GetData(PurseDataObject.Status)));
        Assert.Equal("870107" + "810101" + "8008" + _purse.Id + "95045CC00001" + "880100" + "840400000003" + "890400000000" +
            "920100" + "8B0103" + "93020010" + "9B02020A" + "9103250601", hex);
    }

    [Fact]
    public void Balances_and_limits_come_per_pocket_in_certificate_order()
    {
        Assert.Equal("A00A820209788304000004D2" + "A00A820208268304000004D2",
            Hex.Encode(_purse.SendOk(PurseCommands.GetData(PurseDataObject.Balances))));
        Assert.Equal([new PocketLimits(Eur, MaximumBalance, TransactionLimit, ContactlessLimit),
                new PocketLimits(Gbp, MaximumBalance, TransactionLimit, ContactlessLimit)],
            PurseResponses.ParseLimits(_purse.SendOk(PurseCommands.GetData(PurseDataObject.PocketLimits))));
    }

    [Fact]
    public void The_certificates_come_back_as_loaded()
    {
        Assert.Equal(_purse.Certificate!.Encoded.ToArray(), _purse.SendOk(PurseCommands.GetData(PurseDataObject.PurseCertificate)));
        Assert.Equal(TestIssuer.Default.Certificate.Encoded.ToArray(), _purse.SendOk(PurseCommands.GetData(PurseDataObject.IssuerCertificate)));
    }

    [Fact]
    public void The_pending_transfer_shows_state_and_pdAuth_without_aborting()
    {
        PaymentDetails pd = _purse.StartReceiving(Peers.Customer, Eur, 10, 4);
        byte[] before = _purse.Snapshot();
        Assert.Equal("880102" + Hex.Encode(pd.ToTlv()), Hex.Encode(_purse.SendOk(PurseCommands.GetData(PurseDataObject.PendingTransfer))));
        AssertSameMemory(before, _purse.Snapshot());
    }

    [Fact]
    public void Other_parameters_are_6A86() =>
        AssertRefusedWithoutChange(_purse, new CommandApdu(0x80, PurseInstruction.GetData, 0x01, 0x01, default, 256), 0x6A86);
}
