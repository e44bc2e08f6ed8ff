using SmartCardCash.CardAccess;
using SmartCardCash.Emulator;
using SmartCardCash.Emulator.Vpcd;
using SmartCardCash.Issuing;
using SmartCardCash.Issuing.Personalisation;
using SmartCardCash.Payments.Tests.Support;
using SmartCardCash.Purse;

namespace SmartCardCash.Integration.Tests.PaymentSupport;

/// <summary>
/// Purse images in a temporary home, personalised through their APDUs by one issuer, attached with the vpcd bridge
/// (in this process) to the private pcscd's readers and reached from there through PC/SC only: SCardConnect, a
/// transaction, SCardTransmit (<see cref="PcscCardSource"/>, as <c>scc</c> opens <c>pcsc:READER</c>). Before and after
/// attaching, the images are read in process.
/// </summary>
internal sealed class AttachedPurses : IDisposable
{
    public const string LockCode = "1234";

    private readonly string _home = Path.Combine(Path.GetTempPath(), "scc-pcsc-pay-" + Guid.NewGuid().ToString("N"));
    private readonly VpcdAttachment _attachment;

    public AttachedPurses(PrivatePcscd pcscd)
    {
        Store = EmulatedCardStore.ForHome(_home);
        Issuer = Issuer.Create(new IssuerId(0x5343430C), DateOnly.FromDateTime(DateTime.UtcNow));
        Policy = new PaymentPolicy(Issuer.Certificate);
        _attachment = new VpcdAttachment(basePort: pcscd.VpcdPort);
    }

    public EmulatedCardStore Store { get; }

    public Issuer Issuer { get; }

    public PaymentPolicy Policy { get; }

    public PaymentCoordinator Coordinator { get; } = new();

    private SequentialSerials Serials { get; } = new();

    /// <summary>A new purse image, personalised with the default limits of its class, lock code <see cref="LockCode"/>.</summary>
    public void Create(string name, PurseClass purseClass, InterfaceProfile interfaceProfile = InterfaceProfile.ContactT1)
    {
        using CardConnection card = Store.CreatePurseCard(name, interfaceProfile);
        new PursePersonaliser(Issuer, Serials).Personalise(PurseCard.Open(card.Channel, card.DisplayName),
            PersonalisationRequest.WithDefaultLimits(purseClass, [Currency.Eur.Code], LockCode));
    }

    /// <summary>A bank purse with <paramref name="minted"/> minted, then <paramref name="loads"/> paid from it in process.</summary>
    public void CreateBankAndLoad(uint minted, params (string Name, uint Amount)[] loads)
    {
        Create("bank", PurseClass.Bank);
        using CardConnection bank = Store.Open("bank");
        PurseCard bankPurse = PurseCard.Open(bank.Channel, bank.DisplayName);
        bankPurse.Select();
        bankPurse.Mint(Issuer, Money.Of(Currency.Eur, minted));
        foreach ((string name, uint amount) in loads)
        {
            using CardConnection card = Store.Open(name);
            PaymentOutcome load = Coordinator.Pay(bankPurse, PurseCard.Open(card.Channel, card.DisplayName), new PaymentRequest(Money.Of(Currency.Eur, amount)), Policy);
            Assert.True(load.Kind == PaymentOutcomeKind.Completed, load.Summary);
        }
    }

    /// <summary>Puts image <paramref name="name"/> into "Virtual PCD 00 0<paramref name="slot"/>" and waits until pcscd lists it.</summary>
    public VpcdBridge Attach(int slot, string name, InterfaceProfile? through = null)
    {
        VpcdBridge bridge = _attachment.Attach(slot, Store.OpenStored(name), new VpcdSlotOptions { Interface = through });
        CardBench.WaitForCard(CardBench.ReaderName(slot), present: true);
        return bridge;
    }

    /// <summary>Takes the card out of its reader (image saved and unlocked) and waits until pcscd sees the reader empty.</summary>
    public void Detach(int slot)
    {
        _attachment.DetachAsync(slot).GetAwaiter().GetResult();
        CardBench.WaitForCard(CardBench.ReaderName(slot), present: false);
    }

    /// <summary>Puts a torn card back, once pcscd has seen it gone, and waits until pcscd lists it again.</summary>
    public void Reinsert(int slot)
    {
        CardBench.WaitForCard(CardBench.ReaderName(slot), present: false);
        _attachment[slot].Insert();
        CardBench.WaitForCard(CardBench.ReaderName(slot), present: true);
    }

    /// <summary>The card in "Virtual PCD 00 0<paramref name="slot"/>", connected through PC/SC.</summary>
    public CardConnection Connect(int slot) => new PcscCardOpener(new PcscCardSource()).Open(CardAddress.Pcsc(CardBench.ReaderName(slot)));

    /// <summary>Image <paramref name="name"/> read in process (it must not be attached).</summary>
    public PurseSnapshot ReadImage(string name) => PurseSnapshot.ReadImage(Store, name);

    public void Dispose()
    {
        _attachment.Dispose();
        foreach (string reader in new[] { PcscdFixture.ReaderSlot0, PcscdFixture.ReaderSlot1 })
        {
            try
            {
                // The next test expects empty readers.
                CardBench.WaitForCard(reader, present: false);
            }
            catch (TimeoutException)
            {
                // Reported by the next test that needs an empty reader.
            }
        }
        try
        {
            Directory.Delete(_home, recursive: true);
        }
        catch (IOException)
        {
            // Left in /tmp when a failed test kept a lock.
        }
    }
}
