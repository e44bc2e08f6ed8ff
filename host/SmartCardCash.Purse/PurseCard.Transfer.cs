using SmartCardCash.Iso7816;
using SmartCardCash.Iso7816.Errors;
using SmartCardCash.Purse.Errors;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse;

// The value-transfer protocol (spec 4): VERIFY CERTIFICATE, START FROM, START TO, REQ, VAL, ACK, RESUME, ABORT.
public sealed partial class PurseCard
{
    /// <summary>VERIFY CERTIFICATE: the counterparty's certificate becomes this session's verified peer.</summary>
    /// <exception cref="MalformedDataException">Malformed, or from another issuer.</exception>
    /// <exception cref="SignatureInvalidException">Not signed by this purse's issuer.</exception>
    /// <exception cref="CounterpartyIsSelfException">It is this purse's own certificate.</exception>
    /// <exception cref="CertificateExpiredException">Expired by this purse's trusted date.</exception>
    public void VerifyCertificate(PurseCertificate peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        Send(PurseCommand.VerifyCertificate, PurseCommands.VerifyCertificate(peer.Encoded));
    }

    /// <summary>
    /// START FROM (payer): aborts any transfer in progress, then starts paying <paramref name="amount"/> to the verified
    /// peer <paramref name="payee"/>, whose next sequence number is <paramref name="payeeSequence"/>. Returns the
    /// payment details the purse fixed. A refused START FROM has still aborted the previous transfer.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">More than a card holds: nothing is sent.</exception>
    /// <exception cref="InsufficientFundsException">The pocket holds less (the message says how much it holds).</exception>
    /// <exception cref="PurseLockedException">The purse is locked.</exception>
    /// <exception cref="LockCodeRequiredException">Contactless above the contactless limit without a verified lock code.</exception>
    public PaymentDetails StartFrom(PurseId payee, Money amount, uint payeeSequence, ReadOnlySpan<byte> orderDigest = default)
    {
        ResponseApdu response = Start(PurseCommand.StartFrom,
            PurseCommands.StartFrom(payee, amount.Currency, amount.ToCardValue(allowZero: true), payeeSequence, orderDigest), amount);
        return PaymentDetails.Decode(StrictTlvReader.ReadSingle(response.Data.Span, PurseTag.PaymentDetails,
            PaymentDetails.Length, PaymentDetails.Length));
    }

    /// <summary>
    /// START TO (payee): aborts any transfer in progress, then expects <paramref name="amount"/> from the verified peer
    /// <paramref name="payer"/>, whose sequence number for this transfer is <paramref name="payerSequence"/>. Returns
    /// the req for the payer. A refused START TO has still aborted the previous transfer.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">More than a card holds: nothing is sent.</exception>
    /// <exception cref="BalanceLimitException">The payment would exceed the pocket's maximum balance.</exception>
    public ProtectedMessage StartTo(PurseId payer, Money amount, uint payerSequence, ReadOnlySpan<byte> orderDigest = default)
    {
        ResponseApdu response = Start(PurseCommand.StartTo,
            PurseCommands.StartTo(payer, amount.Currency, amount.ToCardValue(allowZero: true), payerSequence, orderDigest), amount);
        return ProtectedMessage.Parse(MessageType.Req, response.Data.Span);
    }

    /// <summary>REQ (payer, in epr): the payee's req; the payer is debited and returns its val.</summary>
    /// <exception cref="WrongStateException">Not in epr, or the payment details differ (nothing changed).</exception>
    /// <exception cref="SignatureInvalidException">The req is not signed by the payee (nothing changed).</exception>
    public ProtectedMessage Req(ProtectedMessage req)
    {
        ArgumentNullException.ThrowIfNull(req);
        ResponseApdu response = Send(PurseCommand.Req, PurseCommands.Req(req));
        return ProtectedMessage.Parse(MessageType.Val, response.Data.Span);
    }

    /// <summary>VAL (payee, in epv): the payer's val; the payee is credited and returns its ack.</summary>
    public ProtectedMessage Val(ProtectedMessage val)
    {
        ArgumentNullException.ThrowIfNull(val);
        ResponseApdu response = Send(PurseCommand.Val, PurseCommands.Val(val));
        return ProtectedMessage.Parse(MessageType.Ack, response.Data.Span);
    }

    /// <summary>ACK (payer, in epa): the payee's ack; the payer logs the transfer as sent and is idle again.</summary>
    public void Ack(ProtectedMessage ack)
    {
        ArgumentNullException.ThrowIfNull(ack);
        Send(PurseCommand.Ack, PurseCommands.Ack(ack));
    }

    /// <summary>
    /// RESUME: the last protected message this purse sent (req, val or ack) for re-sending after an interruption, or
    /// null when its pending log is empty. Changes nothing.
    /// </summary>
    public ProtectedMessage? Resume()
    {
        ResponseApdu response = Transmitter.Transmit(PurseCommands.Resume());
        if (response.StatusWord == StatusWord.ReferencedDataNotFound)
        {
            return null;
        }
        if (!response.IsSuccess)
        {
            throw Error(PurseCommand.Resume, response.StatusWord);
        }
        return ProtectedMessage.ParseResume(response.Data.Span);
    }

    /// <summary>
    /// ABORT: ends any transfer in progress. In epv or epa the transfer goes to the exception log (value may be lost
    /// and is accounted there); in epr nothing was debited and nothing is logged.
    /// </summary>
    public void Abort() => Send(PurseCommand.Abort, PurseCommands.Abort());

    private ResponseApdu Start(PurseCommand command, CommandApdu apdu, Money amount)
    {
        ResponseApdu response = Transmitter.Transmit(apdu);
        return response.IsSuccess ? response : throw StartError(command, response.StatusWord, amount);
    }

    /// <summary>The START errors, with what the host can add by reading the purse (GET DATA changes nothing).</summary>
    private PurseException StartError(PurseCommand command, StatusWord statusWord, Money value)
    {
        PurseException plain = Error(command, statusWord);
        try
        {
            switch (plain)
            {
                case InsufficientFundsException when BalanceOf(value.Currency) is uint balance:
                    var available = new Money(value.Currency, balance);
                    return new InsufficientFundsException(command, statusWord,
                        $"{Name} has {available}; the payment needs {value}")
                    { Available = available, Required = value };
                case TransactionLimitException when LimitsOf(value.Currency) is PocketLimits limits:
                    var limit = new Money(value.Currency, limits.TransactionLimit);
                    return new TransactionLimitException(command, statusWord,
                        $"{value} is above {Name}'s transaction limit of {limit}")
                    { Limit = limit };
                case BalanceLimitException when BalanceOf(value.Currency) is uint held && LimitsOf(value.Currency) is PocketLimits max:
                    var balanceNow = new Money(value.Currency, held);
                    var maximum = new Money(value.Currency, max.MaximumBalance);
                    return new BalanceLimitException(command, statusWord,
                        $"{Name} holds {balanceNow} of at most {maximum}; {value} more would exceed it")
                    { Balance = balanceNow, Maximum = maximum };
                case LockCodeRequiredException when (GetStatus().Flags & PurseFlags.Locked) != 0:
                    return new PurseLockedException(command, statusWord,
                        $"{Name} is locked: it can receive but not pay until it is unlocked with its lock code");
                case LockCodeRequiredException:
                    return new LockCodeRequiredException(command, statusWord,
                        $"{Name} needs its lock code for a contactless payment of {value}, above its contactless limit" +
                        (LimitsOf(value.Currency) is PocketLimits cl ? $" of {new Money(value.Currency, cl.ContactlessLimit)}" : string.Empty));
                case CurrencyNotHeldException:
                    return new CurrencyNotHeldException(command, statusWord,
                        $"{value.Currency} is not held by {Name} or by the counterparty");
                default:
                    return plain;
            }
        }
        catch (SmartCardException)
        {
            // Reading more failed (the card left, say): the card's own answer is still the error to report.
            return plain;
        }
    }
}
