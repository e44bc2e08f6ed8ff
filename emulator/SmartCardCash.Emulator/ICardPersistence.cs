namespace SmartCardCash.Emulator;

/// <summary>Where an emulated card saves itself after every change of its non-volatile memory or applet registry.</summary>
internal interface ICardPersistence
{
    void Persist(EmulatedCard card);
}
