using SmartCardCash.Iso7816.Errors;
using SmartCardCash.Purse.Errors;
using SmartCardCash.Purse.Payments.Events;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Payments;

/// <summary>Talking to the cards: one way to send a command and classify its answer, and one way to look at a card.</summary>
internal sealed partial class PaymentDriver
{
    /// <summary>
    /// Sends one command and classifies the answer: answered, refused by the purse (an error status word), or lost.
    /// A refusal or a loss is recorded (log, event, the run's first cause); a loss also marks the card out of reach.
    /// </summary>
    /// <param name="command">The command's name in messages: "REQ".</param>
    /// <param name="logAs">How the log names it when that says more ("REQ (the payee's req, from RESUME)").</param>
    private CardAnswer<T> Send<T>(PaymentParticipant party, string command, Func<PurseCard, T> send, string? logAs = null)
    {
        PaymentLog.Sending(_log, party.Name, logAs ?? command);
        try
        {
            return new CardAnswer<T>(AnswerKind.Answered, send(party.Card), null);
        }
        catch (PurseException e)
        {
            Refused(party, command, e);
            return new CardAnswer<T>(AnswerKind.Refused, default, e);
        }
        catch (SmartCardException e)
        {
            Lost(party, command, e);
            return new CardAnswer<T>(AnswerKind.Lost, default, e);
        }
    }

    private CardAnswer<bool> Send(PaymentParticipant party, string command, Action<PurseCard> send, string? logAs = null) =>
        Send(party, command, card =>
        {
            send(card);
            return true;
        }, logAs);

    private void Lost(PaymentParticipant party, string command, SmartCardException e)
    {
        string reason = OneLine(e.Message);
        party.Reachable = false;
        party.State = null;
        PaymentLog.Lost(_log, party.Name, command, reason);
        _events.Add(new CommandLost(party.Name, command, reason));
        _known = _known.WentWrong(new PaymentCause(party.Role, party.Name, command, reason, Refused: false));
    }

    private void Refused(PaymentParticipant party, string command, PurseException e)
    {
        string reason = OneLine(e.Message);
        PaymentLog.Refused(_log, party.Name, command, reason);
        _events.Add(new CommandRefused(party.Name, command, e.StatusWord, reason, PaymentFixed: _known.Pd is not null));
        _known = _known.WentWrong(new PaymentCause(party.Role, party.Name, command, reason, Refused: true));
    }

    /// <summary>
    /// Asks a card what it holds: SELECT (a new session: the FCI's ID and state), GET DATA pending transfer (pdAuth),
    /// RESUME (the last message it sent). Changes nothing. A card that does not answer is asked again, a few times.
    /// </summary>
    private PurseView Observe(PaymentParticipant party)
    {
        string problem = "no answer";
        for (int attempt = 0; attempt < _reachAttempts; attempt++)
        {
            try
            {
                PurseFci fci = party.Card.Select();
                if (party.Id is { } expected && fci.PurseId != expected)
                {
                    problem = $"the card now answers as purse {fci.PurseId?.ToString() ?? "(none)"}, not {expected}";
                    break;
                }
                PendingTransfer pending = party.Card.GetPendingTransfer();
                ProtectedMessage? message = party.Card.Resume();
                party.Reachable = true;
                party.State = pending.State;
                var view = new PurseView(true, fci.PurseId, pending.State, fci.NextSequenceNumber, pending.Details, message, null);
                PaymentLog.Observed(_log, party.Name, PurseReport.StateName(pending.State));
                return view;
            }
            catch (PurseException e)
            {
                problem = OneLine(e.Message);
                break;
            }
            catch (SmartCardException e)
            {
                problem = OneLine(e.Message);
            }
        }
        party.Reachable = false;
        PaymentLog.Observed(_log, party.Name, "unreachable: " + problem);
        return PurseView.Unreachable(problem);
    }

    /// <summary>Whether the purse's transaction log records <paramref name="pd"/> as <paramref name="type"/>; read-only.</summary>
    private static Certainty TransactionLogShows(PaymentParticipant party, PaymentDetails pd, TransactionRecordType type)
    {
        try
        {
            IReadOnlyList<TransactionLogEntry> entries = party.Card.ReadTransactionLog();
            if (entries.Any(e => e.Record.Type == type && e.Record.Details.Equals(pd)))
            {
                return Certainty.Yes;
            }
            // The log keeps the last 10 records: a full one may have let this payment's record go.
            return entries.Count < PurseConstants.TransactionLogCapacity ? Certainty.No : Certainty.Maybe;
        }
        catch (SmartCardException)
        {
            // Not readable here (a remote payee does not show its logs): unknown.
            return Certainty.Maybe;
        }
    }

    /// <summary>ABORT where nothing is in flight (epr, or a receipt nothing was debited for): best effort, said either way.</summary>
    private void AbortForCleanup(PaymentParticipant party)
    {
        TransferState? before = party.State;
        CardAnswer<bool> abort = Send(party, "ABORT", card => card.Abort());
        switch (abort.Kind)
        {
            case AnswerKind.Answered:
                party.State = TransferState.Idle;
                break;
            case AnswerKind.Refused:
                party.AbortRefused = true;
                break;
        }
        _events.Add(new CleanupAbort(party.Name, before, abort.Kind, abort.Refusal?.StatusWord));
    }

    /// <summary>ABORT where value may be in flight, as recovery's <paramref name="step"/>: the purse logs the transfer in
    /// its exception log (spec 4.3). A purse that refuses it (a payee behind a listener) is not asked again.</summary>
    private AnswerKind AbortLogging(PaymentParticipant party, RecoveryAction step)
    {
        TransferState? before = party.State;
        CardAnswer<bool> abort = Send(party, "ABORT", card => card.Abort());
        switch (abort.Kind)
        {
            case AnswerKind.Refused:
                party.AbortRefused = true;
                break;
            case AnswerKind.Answered:
                party.State = TransferState.Idle;
                if (party.Role == PaymentParty.Payer && before == TransferState.ExpectingAck)
                {
                    _known = _known.PayerAbortedLogging();
                }
                _events.Add(new LoggingAbort(party.Role, party.Name, before, step));
                break;
        }
        return abort.Kind;
    }

    private static string OneLine(string message)
    {
        string line = string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.TrimEnd('.');
    }
}
