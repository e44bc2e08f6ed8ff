using SmartCardCash.Iso7816;
using SmartCardCash.Iso7816.Errors;
using SmartCardCash.Purse.Errors;
using SmartCardCash.Purse.Issuing;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse;

// Issuer-authorised commands (spec 7): signed by an IIssuerSigner for the purse's current issuer counter.
public sealed partial class PurseCard
{
    /// <summary>
    /// Sends any signed issuer command. The authorisation must name this purse and its current issuer counter
    /// (<see cref="PurseStatus.IssuerCounter"/>); each accepted one moves the counter on by one.
    /// </summary>
    public void Execute(SignedIssuerAuthorisation authorisation)
    {
        ArgumentNullException.ThrowIfNull(authorisation);
        PurseCommand command = PurseErrors.CommandOf(authorisation.Authorisation.Type);
        ResponseApdu response = Transmitter.Transmit(authorisation.ToCommand());
        if (!response.IsSuccess)
        {
            throw IssuerCommandError(command, response.StatusWord, authorisation.Authorisation);
        }
    }

    /// <summary>
    /// MINT: reads the purse's ID and issuer counter, has <paramref name="issuer"/> sign the mint of
    /// <paramref name="amount"/>, sends it and reads the new balance. Only bank purses accept it (9405 otherwise:
    /// <see cref="ClassesMayNotTransferException"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">More than a card holds: nothing is signed or sent.</exception>
    public MintReceipt Mint(IIssuerSigner issuer, Money amount)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        uint value = amount.ToCardValue(allowZero: true);
        PurseStatus status = GetStatus();
        PurseId purse = RequirePurseId(status);
        var authorisation = IssuerAuthorisation.Mint(purse, status.IssuerCounter, amount.Currency, value);
        Execute(SignedIssuerAuthorisation.Create(authorisation, issuer));
        uint balance = GetBalances().First(b => b.Currency == amount.Currency).Balance;
        return new MintReceipt(purse, amount.Currency, value, status.IssuerCounter, balance);
    }

    /// <summary>
    /// CLEAR EXCEPTION LOG: reads the log (which aborts a transfer in progress, see <see cref="ReadExceptionLog"/>),
    /// has the issuer sign the digest of exactly those records, and clears them. Returns the records cleared: the
    /// caller must have them safely recorded (they are the bank's evidence) before calling this.
    /// </summary>
    public IReadOnlyList<ExceptionLogEntry> ClearExceptionLog(IIssuerSigner issuer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        IReadOnlyList<ExceptionLogEntry> records = ReadExceptionLog();
        PurseStatus status = GetStatus();
        byte[] digest = ExceptionRecord.LogDigest(records.Select(r => r.Record));
        Execute(SignedIssuerAuthorisation.Create(
            IssuerAuthorisation.ClearExceptionLog(RequirePurseId(status), status.IssuerCounter, digest), issuer));
        return records;
    }

    /// <summary>
    /// CLEAR EXCEPTION LOG with an authorisation the bank signed (its archive returns one for exactly the records it
    /// archived): a terminal clears the card without ever holding the issuer's key. The card refuses it (6985,
    /// <see cref="WrongStateException"/>) unless the log still holds exactly those records and the counter is current.
    /// </summary>
    /// <exception cref="ArgumentException">The authorisation is not a CLEAR EXCEPTION LOG: nothing is sent.</exception>
    public void ClearExceptionLog(SignedIssuerAuthorisation clear)
    {
        ArgumentNullException.ThrowIfNull(clear);
        if (clear.Authorisation.Type != MessageType.ClearExceptionLog)
        {
            throw new ArgumentException($"the authorisation is a {clear.Authorisation.Type}, not a CLEAR EXCEPTION LOG", nameof(clear));
        }
        Execute(clear);
    }

    /// <summary>DEACTIVATE: ISSUED → BLOCKED (aborts a transfer in progress first).</summary>
    public void Deactivate(IIssuerSigner issuer) => ExecuteSimple(issuer, IssuerAuthorisation.Deactivate);

    /// <summary>ACTIVATE with the issuer's authorisation: BLOCKED → ISSUED.</summary>
    public void Activate(IIssuerSigner issuer) => ExecuteSimple(issuer, IssuerAuthorisation.Activate);

    /// <summary>TERMINATE: final; only with zero balances, an empty exception log and no transfer in progress.</summary>
    public void Terminate(IIssuerSigner issuer) => ExecuteSimple(issuer, IssuerAuthorisation.Terminate);

    /// <summary>RESET LOCK CODE: sets <paramref name="newCode"/> and restores the tries; the locked flag stays.</summary>
    public void ResetLockCode(IIssuerSigner issuer, string newCode)
    {
        string code = CheckCode(newCode);
        ExecuteSimple(issuer, (purse, counter) => IssuerAuthorisation.ResetLockCode(purse, counter, code));
    }

    private void ExecuteSimple(IIssuerSigner issuer, Func<PurseId, uint, IssuerAuthorisation> build)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        PurseStatus status = GetStatus();
        Execute(SignedIssuerAuthorisation.Create(build(RequirePurseId(status), status.IssuerCounter), issuer));
    }

    private PurseId RequirePurseId(PurseStatus status) => status.PurseId
        ?? throw new DataNotLoadedException(PurseCommand.GetData, StatusWord.ReferencedDataNotFound,
            $"{Name} has no purse ID yet: it is not personalised");

    private PurseException IssuerCommandError(PurseCommand command, StatusWord statusWord, IssuerAuthorisation authorisation)
    {
        PurseException plain = Error(command, statusWord);
        try
        {
            switch (plain)
            {
                case ClassesMayNotTransferException when command == PurseCommand.Mint && GetStatus().PurseClass is PurseClass cls:
                    return new ClassesMayNotTransferException(command, statusWord,
                        $"{Name} is a {ClassName(cls)} purse: value is minted into bank purses only");
                case CurrencyNotHeldException when command == PurseCommand.Mint:
                    string held = string.Join(", ", GetBalances().Select(b => b.Currency.ToString()));
                    return new CurrencyNotHeldException(command, statusWord,
                        $"{Name} holds no {CurrencyInParameters(authorisation)} pocket; its currencies are {held}");
                case SignatureInvalidException when GetStatus().IssuerId is IssuerId cardIssuer:
                    return new SignatureInvalidException(command, statusWord,
                        $"{Name} refused the issuer's signature on {PurseErrors.CommandName(command)}: " +
                        $"the purse belongs to issuer {cardIssuer}" +
                        (authorisation.Purse == GetStatus().PurseId ? string.Empty : $", and the authorisation names purse {authorisation.Purse}"));
                default:
                    return plain;
            }
        }
        catch (SmartCardException)
        {
            return plain;
        }
    }

    private static string CurrencyInParameters(IssuerAuthorisation authorisation)
    {
        var reader = new StrictTlvReader(authorisation.Parameters);
        return CurrencyCode.Read(reader.Read(PurseTag.Currency, CurrencyCode.Length)).ToString();
    }
}
