using static SmartCardCash.Purse.Conformance.ConformancePeers;

namespace SmartCardCash.Purse.Conformance.Generation;

// The checks every command passes (CLA, INS, P1 P2, lengths, GET RESPONSE, SELECT) and VERIFY CERTIFICATE.
internal sealed partial class MerchantCardScenario
{
    private void CommonChecks()
    {
        VectorBuilder v = Vector("logical-channels", "common checks", "5.0", "CLA with logical channel bits: 6881.");
        foreach (string apdu in new[] { "81CA000100", "40CA000100", "01CA000100", "C0CA000100" })
        {
            v.SendRaw(apdu).Expect(0x6881);
        }

        v = Vector("secure-messaging", "common checks", "5.0", "CLA with secure messaging bits: 6882.");
        foreach (string apdu in new[] { "84CA000100", "88CA000100", "0CCA000100" })
        {
            v.SendRaw(apdu).Expect(0x6882);
        }

        v = Vector("chaining", "common checks", "5.0", "CLA with the chaining bit: 6884.");
        foreach (string apdu in new[] { "90CA000100", "10CA000100" })
        {
            v.SendRaw(apdu).Expect(0x6884);
        }

        v = Vector("extended-length", "common checks", "1.2, 5.0", "Extended-length APDUs: 6700.");
        v.SendRaw("80CA0001000100").Note("extended Le").Expect(0x6700);
        v.SendRaw("805A0000000001AA").Note("extended Lc").Expect(0x6700);

        v = Vector("class-not-supported", "common checks", "5.0", "CLA other than 80 and 00: 6E00.");
        foreach (string apdu in new[] { "A0CA000100", "20CA000100" })
        {
            v.SendRaw(apdu).Expect(0x6E00);
        }

        v = Vector("instruction-not-supported", "common checks", "5.0", "INS not listed for the CLA: 6D00.");
        foreach (string apdu in new[] { "8000000000", "8060000000", "806A000000", "8090000000", "80A4040000", "00CA000100", "00B2000100" })
        {
            v.SendRaw(apdu).Expect(0x6D00);
        }

        v = Vector("wrong-parameters", "common checks", "5.0", "P1 P2 other than listed: 6A86.");
        foreach (string apdu in new[] { "80CA000700", "80CA010100", "80CA000000", "802A000002AABB", "80B2000300", "805A0100", "805C000100" })
        {
            v.SendRaw(apdu).Expect(0x6A86);
        }

        v = Vector("wrong-length", "common checks", "5.0", "Data where none belongs, none where data is required: 6700.");
        foreach (string apdu in new[] { "805A00000100", "80CA0001010000", "805C0000010000", "80B20001010000", "8050000000", "8054000000", "8040000000" })
        {
            v.SendRaw(apdu).Expect(0x6700);
        }

        v = Vector("lifecycle-before-parameters", "common checks", "5.0", "The lifecycle is checked before P1 P2 and Lc.");
        v.SendRaw("804601020100").Expect(0x6985);

        v = Vector("get-response", "GET RESPONSE", "5.2, 1.2", "Nothing pending 6985, P1 P2 6A86; a response longer than Ne (no Le) is announced 61xx and fetched.");
        v.Send(PurseCommands.GetResponse()).Expect(0x6985);
        v.SendRaw("00C0010000").Expect(0x6A86);
        int statusLength = Expected.Status(Card).Length;
        v.SendRaw("80CA0001").Note("GET DATA status without Le").Expect((ushort)(0x6100 | statusLength));
        v.Send(PurseCommands.GetResponse()).ExpectOk(Part.Bytes(Expected.Status(Card)));

        v = Vector("select-other-application", "SELECT", "5.1", "Another AID 6A82; SELECT of the purse with P2 0C 6A86; then the purse again.");
        v.Send(new CommandApdu(0x00, PurseInstruction.Select, 0x04, 0x00, Hex.Decode("A0000000041010"), 256)).Expect(0x6A82);
        v.Send(new CommandApdu(0x00, PurseInstruction.Select, 0x04, 0x0C, PurseAid.Value, 256)).Expect(0x6A86);
        Select(v);
    }

    private void Certificates()
    {
        VectorBuilder v = Vector("verify-certificate-malformed", "VERIFY CERTIFICATE", "5.7, 3.3",
            "Malformed, class 7F, foreign issuer, trailing byte, repeated currency, effective after expiry: 6A80.");
        v.Send(PurseCommands.VerifyCertificate(Hex.Decode("7F2100"))).Expect(0x6A80);
        v.Send(PurseCommands.VerifyCertificate(Issuer.Certificate.Encoded)).Expect(0x6A80);
        v.Send(PurseCommands.VerifyCertificate(Foreign.Certificate.Encoded)).Expect(0x6A80);
        v.Send(PurseCommands.VerifyCertificate([.. Customer1.Certificate.Encoded, 0x00])).Expect(0x6A80);
        v.Send(PurseCommands.VerifyCertificate(Issuer.SignBody(new CertificateBody(1, Issuer.Id, PurseId.Parse("5CC0020000000009"),
            PurseClass.Customer, [Eur, Eur], BcdDate.FromDate(2025, 1, 1), BcdDate.FromDate(2030, 12, 31), ConformanceKeys.Customer2.PublicKey)).Encoded)).Expect(0x6A80);
        v.Send(PurseCommands.VerifyCertificate(Issuer.SignBody(new CertificateBody(1, Issuer.Id, PurseId.Parse("5CC0020000000009"),
            PurseClass.Customer, [Eur], BcdDate.FromDate(2031, 1, 1), BcdDate.FromDate(2030, 12, 31), ConformanceKeys.Customer2.PublicKey)).Encoded)).Expect(0x6A80);

        v = Vector("verify-certificate-forged", "VERIFY CERTIFICATE", "5.7, 3.3", "Not signed by the issuer, or altered: 6982.");
        v.Send(PurseCommands.VerifyCertificate(Forged.Certificate.Encoded)).Expect(0x6982);
        byte[] altered = Merchant1.Certificate.ToArray();
        altered[^1] ^= 0x55;
        v.Send(PurseCommands.VerifyCertificate(altered)).Expect(0x6982);

        v = Vector("verify-own-certificate", "VERIFY CERTIFICATE", "5.7", "The purse's own certificate: 9408.");
        v.Send("802A00BE", Template(PurseCertificate), false).Expect(0x9408);

        v = Vector("verify-expired-certificate", "VERIFY CERTIFICATE", "5.7, 3.3", "Expired before the trusted date: 9406.");
        v.Send(PurseCommands.VerifyCertificate(Expired.Certificate.Encoded)).Expect(0x9406);

        v = Vector("verify-certificate", "VERIFY CERTIFICATE", "5.7", "A valid counterparty; the trusted date does not move back.");
        Verify(v, Bank1);
        Status(v);
    }
}
