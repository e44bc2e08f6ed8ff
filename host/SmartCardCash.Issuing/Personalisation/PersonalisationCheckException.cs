using SmartCardCash.Iso7816.Errors;

namespace SmartCardCash.Issuing.Personalisation;

/// <summary>
/// Every personalisation command was accepted, yet the purse does not read back as issued (wrong lifecycle, another
/// purse ID, another certificate): the card is not behaving as the specification says and must not be given out.
/// </summary>
public sealed class PersonalisationCheckException(string message) : SmartCardException(message);
