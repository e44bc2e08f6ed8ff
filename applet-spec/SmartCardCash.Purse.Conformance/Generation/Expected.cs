using SmartCardCash.Purse.Conformance.Model;

namespace SmartCardCash.Purse.Conformance.Generation;

/// <summary>The response data of spec section 5, built from a <see cref="CardModel"/> exactly as the spec lays them out.</summary>
internal static class Expected
{
    /// <summary>SELECT (5.1): <c>6F { 84 AID, A5 { 94 0100, 87, [80, 81], 88, 84 nextSeq } }</c>.</summary>
    public static byte[] Fci(CardModel card)
    {
        var proprietary = new PurseTlvBuilder().Add(PurseTag.AppletVersion, [0x01, 0x00]).AddByte(PurseTag.LifecycleState, (byte)card.Lifecycle);
        if (card.PurseCertificateLoaded)
        {
            proprietary.Add(PurseTag.PurseId, card.Id.ToArray()).AddByte(PurseTag.PurseClass, (byte)card.Class);
        }
        proprietary.AddByte(PurseTag.TransferState, (byte)card.State).AddUInt32(PurseTag.SequenceNumber, card.NextSeq);
        return PurseTlvBuilder.Encode(PurseTag.Fci, new PurseTlvBuilder().Add(PurseTag.DfName, PurseAid.Value).Add(PurseTag.ProprietaryFci, proprietary).ToArray());
    }

    /// <summary>GET DATA 01 (5.3).</summary>
    public static byte[] Status(CardModel card)
    {
        var status = new PurseTlvBuilder().AddByte(PurseTag.LifecycleState, (byte)card.Lifecycle);
        if (card.PurseCertificateLoaded)
        {
            status.AddByte(PurseTag.PurseClass, (byte)card.Class).Add(PurseTag.PurseId, card.Id.ToArray()).Add(PurseTag.IssuerId, card.Issuer.ToArray());
        }
        return status
            .AddByte(PurseTag.TransferState, (byte)card.State)
            .AddUInt32(PurseTag.SequenceNumber, card.NextSeq)
            .AddUInt32(PurseTag.IssuerCounter, card.IssuerCounter)
            .AddByte(PurseTag.PurseFlags, (byte)card.Flags)
            .AddByte(PurseTag.Tries, (byte)card.TriesRemaining)
            .Add(PurseTag.ExceptionLogOccupancy, [(byte)card.ExceptionLog.Count, 16])
            .Add(PurseTag.TransactionLogOccupancy, [(byte)Math.Min(10, card.TransactionLog.Count), 10])
            .Add(PurseTag.Date, card.TrustedDate.ToArray())
            .ToArray();
    }

    /// <summary>GET DATA 02 (5.3): <c>A0 { 82, 83 }</c> per pocket in certificate order.</summary>
    public static byte[] Balances(CardModel card)
    {
        var pockets = new PurseTlvBuilder();
        foreach (CurrencyCode currency in card.Currencies)
        {
            pockets.Add(PurseTag.Pocket, new PurseTlvBuilder().Add(PurseTag.Currency, currency.ToArray()).AddUInt32(PurseTag.Amount, card.Balances[currency]));
        }
        return pockets.ToArray();
    }

    /// <summary>GET DATA 05 / PUT DATA 03: <c>A0 { 82, 8C, 8D, 8E }</c>.</summary>
    public static byte[] Pocket(PocketLimits limits) =>
        PurseTlvBuilder.Encode(PurseTag.Pocket, new PurseTlvBuilder()
            .Add(PurseTag.Currency, limits.Currency.ToArray())
            .AddUInt32(PurseTag.MaximumBalance, limits.MaximumBalance)
            .AddUInt32(PurseTag.TransactionLimit, limits.TransactionLimit)
            .AddUInt32(PurseTag.ContactlessLimit, limits.ContactlessLimit)
            .ToArray());

    /// <summary>GET DATA 06: <c>88 state [, C0 pdAuth]</c>.</summary>
    public static byte[] Pending(CardModel card)
    {
        var pending = new PurseTlvBuilder().AddByte(PurseTag.TransferState, (byte)card.State);
        if (card.PdAuth is not null)
        {
            pending.Add(PurseTag.PaymentDetails, card.PdAuth.Encoding);
        }
        return pending.ToArray();
    }

    /// <summary>READ LOG 01: <c>8F index, C4 record</c>, index 0 the most recent.</summary>
    public static byte[] TransactionLogEntry(CardModel card, int index) =>
        new PurseTlvBuilder().AddByte(PurseTag.RecordIndex, (byte)index)
            .Add(PurseTag.TransactionRecord, card.TransactionLog[^(index + 1)].Encode()).ToArray();

    /// <summary>READ LOG 02: <c>8F index, C3 record</c> and the card's signature over <c>SCC1 ‖ 10 ‖ purse ID ‖ record</c>.</summary>
    public static ExpectedPart[] ExceptionLogEntry(CardModel card, int index)
    {
        byte[] record = card.ExceptionLog[index].Encode();
        return
        [
            Part.Bytes(new PurseTlvBuilder().AddByte(PurseTag.RecordIndex, (byte)index).Add(PurseTag.ExceptionRecord, record).ToArray()),
            Part.CardSignature(SignedMessages.ExceptionLogRecord(card.Id, record)),
        ];
    }

    /// <summary>RESUME: <c>9A type, C0 PD</c> and the very signature element sent before.</summary>
    public static ExpectedPart[] Resume(CardModel card)
    {
        (MessageType type, PaymentDetails details, string capture) = card.Pending!.Value;
        return
        [
            Part.Bytes(new PurseTlvBuilder().AddByte(PurseTag.MessageType, (byte)type).Add(PurseTag.PaymentDetails, details.Encoding).ToArray()),
            Part.Template("{" + capture + "}"),
        ];
    }
}
