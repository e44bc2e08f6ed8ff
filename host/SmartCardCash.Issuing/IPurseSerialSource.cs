namespace SmartCardCash.Issuing;

/// <summary>Hands out purse serials (the last 4 bytes of a purse ID), each once. <see cref="Storage.IssuerStore"/> keeps them on disk.</summary>
public interface IPurseSerialSource
{
    uint NextSerial();
}
