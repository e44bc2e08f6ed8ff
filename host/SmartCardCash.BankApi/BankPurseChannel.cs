using SmartCardCash.Iso7816;
using SmartCardCash.Iso7816.Errors;

namespace SmartCardCash.BankApi;

/// <summary>
/// A load's or a deposit's bank purse over the bank's API, as an <see cref="ICardChannel"/> the terminal's
/// <c>PaymentCoordinator</c> drives like any card: each command is one POST to <c>/v1/loads/{id}/apdu</c> or
/// <c>/v1/deposits/{id}/apdu</c>, answered once the bank committed it. The terminal holds its own API key, never a
/// bank key.
/// </summary>
/// <remarks>No answer (the network failed, or the bank's database did not commit: 503) is what a removed card gives: a
/// <see cref="CardCommunicationException"/>, so the coordinator's recovery applies. Any other refusal of the bank is
/// one too (the purse cannot be reached for this payment), with the <see cref="BankApiException"/> inside.</remarks>
public sealed class BankPurseChannel : ICardChannel
{
    private readonly Func<byte[], CancellationToken, Task<byte[]>> _exchange;
    private readonly CancellationToken _cancel;
    private bool _disposed;

    private BankPurseChannel(string name, Func<byte[], CancellationToken, Task<byte[]>> exchange, CancellationToken cancel)
    {
        Name = name;
        _exchange = exchange;
        _cancel = cancel;
    }

    /// <summary><c>bank:load/ID</c> or <c>bank:deposit/ID</c>.</summary>
    public string Name { get; }

    /// <summary>No card was reset here: the bank's purse has no ATR to show.</summary>
    public ReadOnlyMemory<byte> Atr => ReadOnlyMemory<byte>.Empty;

    public CardProtocol Protocol => CardProtocol.T1;

    /// <summary>The bank purse that pays load <paramref name="loadId"/>.</summary>
    public static BankPurseChannel ForLoad(BankClient bank, string loadId, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(bank);
        return new($"bank:load/{loadId}", (command, c) => bank.TransmitLoadAsync(loadId, command, c), cancel);
    }

    /// <summary>The bank purse that takes deposit <paramref name="depositId"/>.</summary>
    public static BankPurseChannel ForDeposit(BankClient bank, string depositId, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(bank);
        return new($"bank:deposit/{depositId}", (command, c) => bank.TransmitDepositAsync(depositId, command, c), cancel);
    }

    public byte[] Transmit(ReadOnlySpan<byte> command)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        byte[] bytes = command.ToArray();
        try
        {
            return _exchange(bytes, _cancel).GetAwaiter().GetResult();
        }
        catch (BankUnreachableException e)
        {
            throw new CardCommunicationException($"{Name}: {e.Message}", e);
        }
        catch (BankApiException e)
        {
            string why = e.Status == 503 ? "the bank gave no answer (its database is unavailable)" : $"the bank refused the command (HTTP {e.Status})";
            throw new CardCommunicationException($"{Name}: {why}: {e.Message}", e);
        }
        catch (FormatException e)
        {
            throw new CardCommunicationException($"{Name}: the bank's answer is not hex: {e.Message}", e);
        }
    }

    public void Dispose() => _disposed = true;

    public override string ToString() => Name;
}
