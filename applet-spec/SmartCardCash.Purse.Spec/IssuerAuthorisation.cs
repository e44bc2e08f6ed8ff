using System.Buffers.Binary;
using SmartCardCash.Iso7816;

namespace SmartCardCash.Purse.Spec;

/// <summary>
/// An issuer-authorised command (spec 7): its parameters, the purse it is for and the purse's issuer counter. The
/// issuer signs <see cref="SignedBytes"/>; <see cref="ToCommand"/> puts parameters, counter and signature into the APDU.
/// </summary>
public sealed class IssuerAuthorisation
{
    private readonly byte[] _parameters;

    private IssuerAuthorisation(MessageType type, PurseId purse, uint counter, byte[] parameters)
    {
        Type = type;
        Purse = purse;
        Counter = counter;
        _parameters = parameters;
    }

    public MessageType Type { get; }

    public PurseId Purse { get; }

    /// <summary>Must equal the purse's issuer counter (GET DATA status, tag 89).</summary>
    public uint Counter { get; }

    /// <summary>The command data before tag 89, exactly as sent.</summary>
    public ReadOnlySpan<byte> Parameters => _parameters;

    public byte Instruction => Type switch
    {
        MessageType.Mint => PurseInstruction.Mint,
        MessageType.ClearExceptionLog => PurseInstruction.ClearExceptionLog,
        MessageType.Deactivate => PurseInstruction.Deactivate,
        MessageType.Activate => PurseInstruction.Activate,
        MessageType.Terminate => PurseInstruction.Terminate,
        MessageType.ResetLockCode => PurseInstruction.ResetLockCode,
        _ => throw new InvalidOperationException($"{Type} is not an issuer command."),
    };

    /// <summary><c>SCC1 ‖ type ‖ purse ID ‖ counter ‖ parameters</c>.</summary>
    public byte[] SignedBytes => SignedMessages.IssuerCommand(Type, Purse, Counter, _parameters);

    /// <summary>MINT (type 20): <c>82 currency, 83 amount</c>. Bank purses only.</summary>
    public static IssuerAuthorisation Mint(PurseId purse, uint counter, CurrencyCode currency, uint amount) =>
        new(MessageType.Mint, purse, counter,
            new PurseTlvBuilder().Add(PurseTag.Currency, currency.ToArray()).AddUInt32(PurseTag.Amount, amount).ToArray());

    /// <summary>CLEAR EXCEPTION LOG (type 21): <c>90 digest</c> of exactly the records to clear (<see cref="ExceptionRecord.LogDigest"/>).</summary>
    public static IssuerAuthorisation ClearExceptionLog(PurseId purse, uint counter, ReadOnlySpan<byte> logDigest)
    {
        if (logDigest.Length != PurseConstants.DigestLength)
        {
            throw new ArgumentException($"the log digest is {PurseConstants.DigestLength} bytes.", nameof(logDigest));
        }
        return new(MessageType.ClearExceptionLog, purse, counter, PurseTlvBuilder.Encode(PurseTag.LogDigest, logDigest));
    }

    /// <summary>DEACTIVATE (type 22): ISSUED → BLOCKED.</summary>
    public static IssuerAuthorisation Deactivate(PurseId purse, uint counter) => new(MessageType.Deactivate, purse, counter, []);

    /// <summary>ACTIVATE with authorisation (type 23): BLOCKED → ISSUED.</summary>
    public static IssuerAuthorisation Activate(PurseId purse, uint counter) => new(MessageType.Activate, purse, counter, []);

    /// <summary>TERMINATE (type 24): final; only with zero balances and an empty exception log.</summary>
    public static IssuerAuthorisation Terminate(PurseId purse, uint counter) => new(MessageType.Terminate, purse, counter, []);

    /// <summary>RESET LOCK CODE (type 25): <c>8A new code</c>; tries back to the limit.</summary>
    public static IssuerAuthorisation ResetLockCode(PurseId purse, uint counter, string newCode) =>
        new(MessageType.ResetLockCode, purse, counter, PurseTlvBuilder.Encode(PurseTag.LockCode, LockCode.Encode(newCode)));

    /// <summary>Any type with raw parameters: for tests and vectors that send what a correct issuer would not.</summary>
    public static IssuerAuthorisation Custom(MessageType type, PurseId purse, uint counter, ReadOnlySpan<byte> parameters) =>
        new(type, purse, counter, parameters.ToArray());

    public byte[] Sign(ReadOnlySpan<byte> issuerPrivateKey, IPurseCrypto? crypto = null) =>
        (crypto ?? P256.Shared).Sign(issuerPrivateKey, SignedBytes);

    /// <summary><c>parameters ‖ 89 04 counter ‖ 9E L signature</c>.</summary>
    public byte[] CommandData(ReadOnlySpan<byte> signature)
    {
        Span<byte> counter = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(counter, Counter);
        return new PurseTlvBuilder().AddEncoded(_parameters).Add(PurseTag.IssuerCounter, counter)
            .Add(PurseTag.Signature, signature).ToArray();
    }

    public CommandApdu ToCommand(ReadOnlySpan<byte> signature) =>
        new(PurseInstruction.ProprietaryClass, Instruction, 0x00, 0x00, CommandData(signature));

    /// <summary>Signs with the issuer's key and builds the APDU.</summary>
    public CommandApdu ToSignedCommand(ReadOnlySpan<byte> issuerPrivateKey, IPurseCrypto? crypto = null) =>
        ToCommand(Sign(issuerPrivateKey, crypto));
}
