using SmartCardCash.Iso7816;
using SmartCardCash.Iso7816.Errors;
using SmartCardCash.Settlement.Storage;

namespace SmartCardCash.Settlement.BankPurses;

/// <summary>
/// A load's or a deposit's bank purse as an <see cref="ICardChannel"/> in the bank's own process: each command is one
/// database transaction of <see cref="Loads.BankLoads.Transmit"/> or <see cref="Deposits.BankDeposits.Transmit"/>,
/// answered only once it committed. A terminal's <c>PaymentCoordinator</c> drives it as it drives any card, exactly as
/// it will drive the same purse over the bank's HTTP API.
/// </summary>
/// <remarks>A transaction that did not commit gives no answer, as a torn card gives none:
/// <see cref="CardCommunicationException"/>, with the bank's exception inside. The next command starts from the image
/// in the database.</remarks>
public sealed class InProcessBankPurseChannel : ICardChannel
{
    private readonly Func<byte[], byte[]> _exchange;
    private bool _disposed;

    internal InProcessBankPurseChannel(string name, Func<byte[], byte[]> exchange)
    {
        Name = name;
        _exchange = exchange;
    }

    /// <summary>For example "bank:load/REQUEST-ID".</summary>
    public string Name { get; }

    /// <summary>No card was reset here: the bank's purse has no ATR to show.</summary>
    public ReadOnlyMemory<byte> Atr => ReadOnlyMemory<byte>.Empty;

    public CardProtocol Protocol => CardProtocol.T1;

    public byte[] Transmit(ReadOnlySpan<byte> command)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            return _exchange(command.ToArray());
        }
        catch (Exception e) when (e is BankStorageException or BankPurseRefusedException)
        {
            throw new CardCommunicationException($"{Name}: the bank gave no answer: {e.Message}", e);
        }
    }

    public void Dispose() => _disposed = true;

    public override string ToString() => Name;
}
