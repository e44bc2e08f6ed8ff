using SmartCardCash.Iso7816;

namespace SmartCardCash.Purse.Errors;

/// <summary>6982 on REQ, VAL, ACK, VERIFY CERTIFICATE, PUT DATA (purse certificate) or an issuer command: a signature does not verify.</summary>
public sealed class SignatureInvalidException : PurseException
{
    public SignatureInvalidException(PurseCommand command, StatusWord statusWord, string message) : base(command, statusWord, message)
    {
    }
}
