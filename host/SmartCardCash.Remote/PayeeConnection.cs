using System.Buffers.Binary;
using System.Net.Sockets;
using SmartCardCash.Iso7816;
using SmartCardCash.Iso7816.Errors;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Errors;
using SmartCardCash.Purse.Gates;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Remote;

/// <summary>
/// One connection to a <see cref="PayeeListener"/>: the hello, then command frames through the
/// <see cref="PayeeCommandGate"/> to the card, each answered with one response frame, until the payer closes, a
/// timeout or limit ends it, or the listener stops. Watches START TO and VAL to report payments as they happen.
/// </summary>
internal sealed class PayeeConnection(PayeeListener listener, TcpClient client, CancellationToken stop)
{
    private readonly PayeeListenerOptions _options = listener.Options;
    private readonly string _remote = client.Client.RemoteEndPoint?.ToString() ?? "?";
    private readonly PayeeGuard _guard = new(listener);
    private bool _selected;
    private PayeeConnectionResult _result = PayeeConnectionResult.NoPayment;
    private PaymentSummary? _payment;
    private List<byte>? _startToAnswer;      // START TO's answer being fetched through GET RESPONSE (T=0)
    private string? _startToDescription;

    public async Task RunAsync()
    {
        using (client)
        {
            NetworkStream stream = client.GetStream();
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(stop);
            limit.CancelAfter(_options.MaxConnectionTime);
            bool holdsCard = false;
            string reason = "the session ended";
            try
            {
                byte[] hello = await ReadAsync(stream, RemoteProtocol.ClientHelloLength, _options.HandshakeTimeout, limit).ConfigureAwait(false);
                if (!hello.AsSpan(0, 4).SequenceEqual(RemoteProtocol.Magic))
                {
                    Refuse("its hello is not a SmartCardCash payer's");
                    return;
                }
                if (hello[4] != RemoteProtocol.Version)
                {
                    await WriteAsync(stream, ServerHello(RemoteHelloStatus.VersionNotSupported, CardProtocol.Unknown, default), limit).ConfigureAwait(false);
                    Refuse($"it speaks version {hello[4]} of the remote protocol, not {RemoteProtocol.Version}");
                    return;
                }
                if (!listener.TryTakeCard())
                {
                    await WriteAsync(stream, ServerHello(RemoteHelloStatus.Busy, CardProtocol.Unknown, default), limit).ConfigureAwait(false);
                    Refuse($"{_options.CardName} is busy with another payment (one payment at a time per card)");
                    return;
                }
                holdsCard = true;
                await WriteAsync(stream, ServerHello(RemoteHelloStatus.Ready, listener.Card.Protocol, listener.Card.Atr.Span), limit).ConfigureAwait(false);
                Raise(PayeeEventKind.SessionOpened, $"{_remote} connected to pay into {_options.CardName}");
                while (true)
                {
                    byte[] header = await ReadAsync(stream, 2, _options.MessageTimeout, limit).ConfigureAwait(false);
                    int length = BinaryPrimitives.ReadUInt16BigEndian(header);
                    if (length is < RemoteProtocol.MinCommandLength or > RemoteProtocol.MaxCommandLength)
                    {
                        reason = $"it sent a command frame of {length} bytes (4 to 261 are allowed)";
                        break;
                    }
                    byte[] command = await ReadAsync(stream, length, _options.MessageTimeout, limit).ConfigureAwait(false);
                    byte[] response = Handle(command);
                    byte[] frame = new byte[2 + response.Length];
                    BinaryPrimitives.WriteUInt16BigEndian(frame, (ushort)response.Length);
                    response.CopyTo(frame, 2);
                    await WriteAsync(stream, frame, limit).ConfigureAwait(false);
                }
            }
            catch (PayeeConnectionEnd end)
            {
                reason = end.Message;
            }
            catch (Exception e) when (e is IOException or SocketException)
            {
                reason = "the connection dropped";
            }
            catch (SmartCardException e)
            {
                reason = "the card failed";
                listener.CardFailed(e);
            }
            finally
            {
                if (holdsCard)
                {
                    try
                    {
                        Closed(reason);
                    }
                    finally
                    {
                        listener.ReleaseCard();
                    }
                }
            }
        }
    }

    /// <summary>The server hello: magic, version, status, the card's protocol and ATR.</summary>
    internal static byte[] ServerHello(RemoteHelloStatus status, CardProtocol protocol, ReadOnlySpan<byte> atr)
    {
        int atrLength = Math.Min(atr.Length, RemoteProtocol.MaxAtrLength);
        byte[] hello = new byte[RemoteProtocol.ServerHelloFixedLength + atrLength];
        RemoteProtocol.Magic.CopyTo(hello);
        hello[4] = RemoteProtocol.Version;
        hello[5] = (byte)status;
        hello[6] = (byte)protocol;
        hello[7] = (byte)atrLength;
        atr[..atrLength].CopyTo(hello.AsSpan(RemoteProtocol.ServerHelloFixedLength));
        return hello;
    }

    /// <summary>Through the gate to the card, or refused here; payments are noticed on the way.</summary>
    private byte[] Handle(byte[] command)
    {
        string name = PayeeCommandGate.Name(command);
        if (PayeeCommandGate.Check(command, _selected) is { } refusal)
        {
            listener.LogExchange(_remote, name, refusal);
            Raise(PayeeEventKind.CommandRefused,
                _selected || command[1] == PurseInstruction.Select
                    ? $"refused {name} from {_remote} ({refusal}): a remote payer may only pay into {_options.CardName}"
                    : $"refused {name} from {_remote} ({refusal}): a session starts with SELECT of the purse",
                command: name, statusWord: refusal);
            return [refusal.Sw1, refusal.Sw2];
        }
        if (_guard.Check(command) is { } refused)
        {
            listener.LogExchange(_remote, name, refused.StatusWord);
            string message = $"refused {name} from {_remote} ({refused.StatusWord}): {refused.Why}";
            if (refused.IsPayment)
            {
                if (_result == PayeeConnectionResult.NoPayment)
                {
                    _result = PayeeConnectionResult.Refused;
                }
                Raise(PayeeEventKind.PaymentRefused, message, command: name, statusWord: refused.StatusWord);
            }
            else
            {
                Raise(PayeeEventKind.CommandRefused, message, command: name, statusWord: refused.StatusWord);
            }
            return [refused.StatusWord.Sw1, refused.StatusWord.Sw2];
        }
        byte[] response = listener.Card.Transmit(command);
        if (response.Length < 2 || response.Length > RemoteProtocol.MaxResponseLength)
        {
            throw new CardCommunicationException($"{_options.CardName} answered {name} with {response.Length} bytes");
        }
        var status = new StatusWord(response[^2], response[^1]);
        ReadOnlySpan<byte> data = response.AsSpan(0, response.Length - 2);
        listener.LogExchange(_remote, name, status);
        _guard.Answered(command[1], status);
        Watch(command, status, data);
        return response;
    }

    private void Watch(byte[] command, StatusWord status, ReadOnlySpan<byte> data)
    {
        byte instruction = command[1];
        bool accepted = status.IsSuccess || status.HasMoreData;
        if (instruction == PurseInstruction.GetResponse && _startToAnswer is not null)
        {
            _startToAnswer.AddRange(data);
            if (!status.HasMoreData)
            {
                StartToAnswered(status, [.. _startToAnswer]);
            }
            return;
        }
        if (_startToAnswer is not null)
        {
            // START TO answered 61xx (it succeeded) but its data were not fetched.
            StartToAnswered(StatusWord.Success, []);
        }
        switch (instruction)
        {
            case PurseInstruction.Select:
                _selected = accepted || status == PurseStatusWords.PurseBlocked;
                break;
            case PurseInstruction.StartTo:
                _startToDescription = DescribeStart(command);
                if (status.HasMoreData)
                {
                    _startToAnswer = [.. data];
                }
                else
                {
                    StartToAnswered(status, data.ToArray());
                }
                break;
            case PurseInstruction.Val:
                PaymentSummary? payment = PaymentIn(command);
                if (accepted)
                {
                    _payment = payment ?? _payment;
                    _result = PayeeConnectionResult.Received;
                    Raise(PayeeEventKind.PaymentReceived,
                        $"{_options.CardName} received {(payment is null ? "a payment" : $"{payment.Value} from purse {payment.From}")}",
                        payment: payment, signed: SignedPaymentIn(command, status, data));
                }
                else
                {
                    RefusedPayment(PurseCommand.Val, status, payment);
                }
                break;
        }
    }

    private void StartToAnswered(StatusWord status, byte[] answer)
    {
        _startToAnswer = null;
        PaymentSummary? payment = null;
        if (status.IsSuccess && answer.Length > 0)
        {
            try
            {
                payment = new PaymentSummary(ProtectedMessage.Parse(MessageType.Req, answer).Details);
            }
            catch (PurseFormatException)
            {
                // The card's own answer: it cannot be malformed; if it is, the payment is reported without details.
            }
        }
        if (status.IsSuccess)
        {
            _payment = payment ?? _payment;
            if (_result != PayeeConnectionResult.Received)
            {
                _result = PayeeConnectionResult.Unfinished;
            }
            Raise(PayeeEventKind.PaymentStarted,
                $"{_options.CardName} agreed to receive {(payment is null ? _startToDescription : $"{payment.Value} from purse {payment.From}")} " +
                "and waits for the payer's val", payment: payment);
        }
        else
        {
            RefusedPayment(PurseCommand.StartTo, status, null);
        }
    }

    private void RefusedPayment(PurseCommand command, StatusWord status, PaymentSummary? payment)
    {
        if (_result == PayeeConnectionResult.NoPayment)
        {
            _result = PayeeConnectionResult.Refused;
        }
        string what = command == PurseCommand.StartTo ? _startToDescription ?? "a payment" : "the val";
        Raise(PayeeEventKind.PaymentRefused,
            $"{_options.CardName} refused {what}: {PurseRefusals.Describe(command, status, _options.CardName).TrimEnd('.')} ({status})",
            payment: payment, command: command == PurseCommand.StartTo ? "START TO" : "VAL", statusWord: status);
    }

    /// <summary>"EUR 12.50 from purse 5343430A00000002", from START TO's data, before the card has answered.</summary>
    private static string DescribeStart(byte[] command)
    {
        try
        {
            var apdu = CommandApdu.Parse(command);
            var reader = new StrictTlvReader(apdu.Data.Span);
            PurseId payer = PurseId.Read(reader.Read(PurseTag.PurseId, PurseId.Length));
            CurrencyCode currency = CurrencyCode.Read(reader.Read(PurseTag.Currency, CurrencyCode.Length));
            uint value = reader.ReadUInt32(PurseTag.Amount);
            return $"{new Money(currency, value)} from purse {payer}";
        }
        catch (SmartCardException)
        {
            return "a payment";
        }
    }

    /// <summary>
    /// The val the card just accepted (it checked the payer's signature over it), with the ack it answered when the
    /// answer came whole (not through GET RESPONSE) and the payer's certificate when this session verified it.
    /// </summary>
    private SignedPayment? SignedPaymentIn(byte[] command, StatusWord status, ReadOnlySpan<byte> answer)
    {
        ProtectedMessage val;
        try
        {
            val = ProtectedMessage.Parse(MessageType.Val, CommandApdu.Parse(command).Data.Span);
        }
        catch (SmartCardException)
        {
            return null;
        }
        ProtectedMessage? ack = null;
        if (status.IsSuccess && !answer.IsEmpty)
        {
            try
            {
                ack = ProtectedMessage.Parse(MessageType.Ack, answer);
            }
            catch (PurseFormatException)
            {
                // The card's own answer: if it does not read, the evidence is the val alone.
            }
        }
        PurseCertificate? certificate = _guard.VerifiedPayerCertificate is { } c && c.Body.Holder == val.Details.From ? c : null;
        return new SignedPayment(val, ack is not null && ack.Details.Equals(val.Details) ? ack : null, certificate);
    }

    private static PaymentSummary? PaymentIn(byte[] val)
    {
        try
        {
            return new PaymentSummary(ProtectedMessage.Parse(MessageType.Val, CommandApdu.Parse(val).Data.Span).Details);
        }
        catch (SmartCardException)
        {
            return null;
        }
    }

    private void Closed(string reason)
    {
        Money? balance = _result == PayeeConnectionResult.Received && _payment is not null ? BalanceOf(_payment.Details.Currency) : null;
        string what = _result switch
        {
            PayeeConnectionResult.Received when _payment is not null =>
                $"{_options.CardName} received {_payment.Value} from purse {_payment.From}" + (balance is { } b ? $"; balance {b}" : ""),
            PayeeConnectionResult.Received => $"{_options.CardName} received a payment",
            PayeeConnectionResult.Unfinished =>
                $"{_options.CardName} is left expecting the val{(_payment is null ? "" : $" for {_payment.Value} from purse {_payment.From}")} (epv): " +
                "the payer can still finish the payment by recovering with it",
            PayeeConnectionResult.Refused => $"{_options.CardName} refused the payment",
            _ => "no payment was made",
        };
        listener.Raise(new PayeeEvent(PayeeEventKind.SessionClosed, _options.Time.GetUtcNow(),
            $"session from {_remote} ended ({reason}): {what}")
        {
            Remote = _remote,
            Payment = _payment,
            Result = _result,
            BalanceAfter = balance,
        });
    }

    /// <summary>The pocket's balance after a payment, read while this connection still holds the card (GET DATA changes nothing).</summary>
    private Money? BalanceOf(CurrencyCode currency)
    {
        try
        {
            var purse = PurseCard.Open(listener.Card, _options.CardName);
            return purse.GetBalances().FirstOrDefault(b => b.Currency == currency) is { } pocket ? new Money(currency, pocket.Balance) : null;
        }
        catch (SmartCardException)
        {
            return null;
        }
    }

    private void Refuse(string why) =>
        Raise(PayeeEventKind.ConnectionRefused, $"turned away {_remote}: {why}");

    private void Raise(PayeeEventKind kind, string message, PaymentSummary? payment = null, string? command = null,
        StatusWord? statusWord = null, SignedPayment? signed = null) =>
        listener.Raise(new PayeeEvent(kind, _options.Time.GetUtcNow(), message)
        {
            Remote = _remote,
            Payment = payment,
            SignedPayment = signed,
            Command = command,
            StatusWord = statusWord?.ToString(),
        });

    private async Task<byte[]> ReadAsync(NetworkStream stream, int length, TimeSpan timeout, CancellationTokenSource limit)
    {
        byte[] buffer = new byte[length];
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(limit.Token);
        wait.CancelAfter(timeout);
        try
        {
            await stream.ReadExactlyAsync(buffer, wait.Token).ConfigureAwait(false);
        }
        catch (EndOfStreamException)
        {
            throw new PayeeConnectionEnd("the payer closed the connection");
        }
        catch (OperationCanceledException)
        {
            throw Ended(limit, timeout, "no command came");
        }
        return buffer;
    }

    private async Task WriteAsync(NetworkStream stream, byte[] bytes, CancellationTokenSource limit)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(limit.Token);
        wait.CancelAfter(_options.MessageTimeout);
        try
        {
            await stream.WriteAsync(bytes, wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw Ended(limit, _options.MessageTimeout, "the payer did not take the answer");
        }
    }

    private PayeeConnectionEnd Ended(CancellationTokenSource limit, TimeSpan timeout, string idle) =>
        stop.IsCancellationRequested ? new PayeeConnectionEnd("the listener stopped")
        : limit.IsCancellationRequested ? new PayeeConnectionEnd($"the session reached its limit of {_options.MaxConnectionTime.TotalSeconds:0} s")
        : new PayeeConnectionEnd($"{idle} within {timeout.TotalSeconds:0} s");
}
