using SmartCardCash.Iso7816.Errors;

namespace SmartCardCash.Purse.Spec;

/// <summary>
/// Bytes that do not follow the purse specification's encodings: TLV outside the strict rules of spec 2.2, a fixed
/// encoding of the wrong length, a field value the specification does not allow. A card answers these with 6A80.
/// </summary>
public class PurseFormatException : SmartCardException
{
    public PurseFormatException(string message) : base(message)
    {
    }
}
