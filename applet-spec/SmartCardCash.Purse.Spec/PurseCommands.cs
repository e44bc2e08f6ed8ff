using SmartCardCash.Iso7816;

namespace SmartCardCash.Purse.Spec;

/// <summary>
/// Builds every purse command APDU of spec section 5, as a host sends it. Commands that return data carry Le = 00
/// (Ne = 256), as spec 1.2 recommends. Issuer-authorised commands are built by <see cref="IssuerAuthorisation"/>.
/// </summary>
public static class PurseCommands
{
    private const int Le = CommandApdu.MaxShortExpectedLength;
    private const byte Cla = PurseInstruction.ProprietaryClass;

    public static CommandApdu Select() =>
        new(PurseInstruction.InterindustryClass, PurseInstruction.Select, 0x04, 0x00, PurseAid.Value, Le);

    public static CommandApdu GetResponse(int ne = Le) =>
        new(PurseInstruction.InterindustryClass, PurseInstruction.GetResponse, 0x00, 0x00, default, ne);

    public static CommandApdu GetData(PurseDataObject dataObject) =>
        new(Cla, PurseInstruction.GetData, 0x00, (byte)dataObject, default, Le);

    public static CommandApdu GenerateKeyPair() => new(Cla, PurseInstruction.GenerateKeyPair, 0x00, 0x00, default, Le);

    public static CommandApdu PutIssuerCertificate(ReadOnlySpan<byte> certificate) =>
        PutData(PersonalisationObject.IssuerCertificate, certificate);

    public static CommandApdu PutPurseCertificate(ReadOnlySpan<byte> certificate) =>
        PutData(PersonalisationObject.PurseCertificate, certificate);

    public static CommandApdu PutPocketLimits(CurrencyCode currency, uint maximumBalance, uint transactionLimit,
        uint contactlessLimit) =>
        PutData(PersonalisationObject.PocketLimits, PurseTlvBuilder.Encode(PurseTag.Pocket, new PurseTlvBuilder()
            .Add(PurseTag.Currency, currency.ToArray())
            .AddUInt32(PurseTag.MaximumBalance, maximumBalance)
            .AddUInt32(PurseTag.TransactionLimit, transactionLimit)
            .AddUInt32(PurseTag.ContactlessLimit, contactlessLimit)
            .ToArray()));

    public static CommandApdu PutLockCode(string code, int tries) =>
        PutData(PersonalisationObject.LockCode, new PurseTlvBuilder()
            .Add(PurseTag.LockCode, LockCode.Encode(code))
            .AddByte(PurseTag.Tries, checked((byte)tries))
            .ToArray());

    public static CommandApdu PutData(PersonalisationObject dataObject, ReadOnlySpan<byte> data) =>
        new(Cla, PurseInstruction.PutData, 0x00, (byte)dataObject, data);

    /// <summary>ACTIVATE without data: ends personalisation.</summary>
    public static CommandApdu Activate() => new(Cla, PurseInstruction.Activate, 0x00, 0x00);

    public static CommandApdu VerifyCertificate(ReadOnlySpan<byte> certificate) =>
        new(Cla, PurseInstruction.VerifyCertificate, 0x00, PurseInstruction.VerifyCertificateP2, certificate);

    /// <summary>START FROM (payer): <c>80 payee, 82 currency, 83 value, 84 toSeq [, 85 order digest]</c>.</summary>
    public static CommandApdu StartFrom(PurseId payee, CurrencyCode currency, uint value, uint payeeSequence,
        ReadOnlySpan<byte> orderDigest = default) =>
        new(Cla, PurseInstruction.StartFrom, 0x00, 0x00, StartData(payee, currency, value, payeeSequence, orderDigest), Le);

    /// <summary>START TO (payee): <c>80 payer, 82 currency, 83 value, 84 fromSeq [, 85 order digest]</c>.</summary>
    public static CommandApdu StartTo(PurseId payer, CurrencyCode currency, uint value, uint payerSequence,
        ReadOnlySpan<byte> orderDigest = default) =>
        new(Cla, PurseInstruction.StartTo, 0x00, 0x00, StartData(payer, currency, value, payerSequence, orderDigest), Le);

    public static CommandApdu Req(ProtectedMessage req) => Protected(PurseInstruction.Req, req, Le);

    public static CommandApdu Val(ProtectedMessage val) => Protected(PurseInstruction.Val, val, Le);

    public static CommandApdu Ack(ProtectedMessage ack) => Protected(PurseInstruction.Ack, ack, 0);

    public static CommandApdu Abort() => new(Cla, PurseInstruction.Abort, 0x00, 0x00);

    public static CommandApdu Resume() => new(Cla, PurseInstruction.Resume, 0x00, 0x00, default, Le);

    public static CommandApdu ReadLog(PurseLogKind log, byte index) =>
        new(Cla, PurseInstruction.ReadLog, index, (byte)log, default, Le);

    /// <summary>VERIFY LOCK CODE; without a code it only reports whether the code was verified in this session.</summary>
    public static CommandApdu VerifyLockCode(string? code = null) => code is null
        ? new(Cla, PurseInstruction.VerifyLockCode, 0x00, 0x00)
        : new(Cla, PurseInstruction.VerifyLockCode, 0x00, 0x00, PurseTlvBuilder.Encode(PurseTag.LockCode, LockCode.Encode(code)));

    public static CommandApdu ChangeLockCode(string oldCode, string newCode) =>
        new(Cla, PurseInstruction.ChangeLockCode, 0x00, 0x00, new PurseTlvBuilder()
            .Add(PurseTag.LockCode, LockCode.Encode(oldCode))
            .Add(PurseTag.LockCode, LockCode.Encode(newCode))
            .ToArray());

    public static CommandApdu Lock(string code) =>
        new(Cla, PurseInstruction.Lock, 0x00, 0x00, PurseTlvBuilder.Encode(PurseTag.LockCode, LockCode.Encode(code)));

    public static CommandApdu Unlock(string code) =>
        new(Cla, PurseInstruction.Unlock, 0x00, 0x00, PurseTlvBuilder.Encode(PurseTag.LockCode, LockCode.Encode(code)));

    private static CommandApdu Protected(byte instruction, ProtectedMessage message, int ne)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new(Cla, instruction, 0x00, 0x00, message.ToData(), ne);
    }

    private static byte[] StartData(PurseId peer, CurrencyCode currency, uint value, uint peerSequence,
        ReadOnlySpan<byte> orderDigest)
    {
        var data = new PurseTlvBuilder()
            .Add(PurseTag.PurseId, peer.ToArray())
            .Add(PurseTag.Currency, currency.ToArray())
            .AddUInt32(PurseTag.Amount, value)
            .AddUInt32(PurseTag.SequenceNumber, peerSequence);
        if (!orderDigest.IsEmpty)
        {
            if (orderDigest.Length != PurseConstants.DigestLength)
            {
                throw new ArgumentException($"an order digest is {PurseConstants.DigestLength} bytes.", nameof(orderDigest));
            }
            data.Add(PurseTag.OrderDigest, orderDigest);
        }
        return data.ToArray();
    }
}
