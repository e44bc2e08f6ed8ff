using SmartCardCash.Iso7816;

namespace SmartCardCash.Purse.Errors;

/// <summary>9406: this purse's own certificate, or the counterparty's, has expired against the purse's trusted date.</summary>
public sealed class CertificateExpiredException : PurseException
{
    public CertificateExpiredException(PurseCommand command, StatusWord statusWord, string message) : base(command, statusWord, message)
    {
    }
}
