namespace SmartCardCash.Purse.Conformance.Generation;

/// <summary>
/// What the card under test must hold, kept by hand from the specification as a scenario proceeds — never read back
/// from an implementation. The expected responses are built from it.
/// </summary>
internal sealed class CardModel
{
    public CardModel(PurseId id, PurseClass purseClass, IssuerId issuer, params CurrencyCode[] currencies)
    {
        Id = id;
        Class = purseClass;
        Issuer = issuer;
        Currencies = currencies;
        foreach (CurrencyCode currency in currencies)
        {
            Balances[currency] = 0;
        }
    }

    public PurseId Id { get; }

    public PurseClass Class { get; }

    public IssuerId Issuer { get; }

    public CurrencyCode[] Currencies { get; }

    public PurseLifecycle Lifecycle { get; set; } = PurseLifecycle.Personalisation;

    public bool PurseCertificateLoaded { get; set; }

    public TransferState State { get; set; } = TransferState.Idle;

    public uint NextSeq { get; set; }

    public uint IssuerCounter { get; set; }

    public BcdDate TrustedDate { get; set; } = BcdDate.Unset;

    public Dictionary<CurrencyCode, uint> Balances { get; } = [];

    public List<ExceptionRecord> ExceptionLog { get; } = [];

    /// <summary>Every completed transfer and mint, oldest first (the card keeps the last 10).</summary>
    public List<TransactionRecord> TransactionLog { get; } = [];

    /// <summary>The lock code as the card holds it now.</summary>
    public string LockCode { get; set; } = "";

    public int TriesLimit { get; set; }

    public int TriesRemaining { get; set; }

    public bool Locked { get; set; }

    public bool LockCodeVerified { get; set; }

    public PaymentDetails? PdAuth { get; set; }

    /// <summary>The pending log: type, PD and the variable its signature element was captured into.</summary>
    public (MessageType Type, PaymentDetails Details, string Capture)? Pending { get; set; }

    private int _captures;

    public string NextCapture(MessageType type) => $"{type.ToString().ToLowerInvariant()}{++_captures}";

    /// <summary>Spec 4.3: log 02 in epv, 01 in epa, nothing in epr or idle; then idle.</summary>
    public void Abort()
    {
        if (State == TransferState.ExpectingVal)
        {
            ExceptionLog.Add(new ExceptionRecord(ExceptionReason.PayeeAbortedInEpv, PdAuth!));
        }
        else if (State == TransferState.ExpectingAck)
        {
            ExceptionLog.Add(new ExceptionRecord(ExceptionReason.PayerAbortedInEpa, PdAuth!));
        }
        State = TransferState.Idle;
    }

    public PurseFlags Flags =>
        (Locked ? PurseFlags.Locked : PurseFlags.None)
        | (LockCodeVerified ? PurseFlags.LockCodeVerified : PurseFlags.None)
        | (TriesLimit != 0 && TriesRemaining == 0 ? PurseFlags.LockCodeBlocked : PurseFlags.None);

    /// <summary>SELECT, deselect and power-up clear the session.</summary>
    public void NewSession() => LockCodeVerified = false;
}
