using SmartCardCash.Purse.Conformance.Runner;
using static SmartCardCash.Purse.Conformance.ConformancePeers;

namespace SmartCardCash.Purse.Conformance.Generation;

// The lock code: VERIFY, CHANGE, LOCK, UNLOCK, blocking, the issuer's reset, and the contactless limit it lifts.
internal sealed partial class MerchantCardScenario
{
    private void LockCodeCommands()
    {
        VectorBuilder v = Vector("verify-lock-code-state", "VERIFY LOCK CODE", "5.16, 5.1", "After SELECT, without data: not verified, 63C3.");
        Select(v);
        v.Send(PurseCommands.VerifyLockCode()).Expect(0x63C3);

        v = Vector("verify-lock-code", "VERIFY LOCK CODE", "5.16", "The right code: 9000, verified for the session.");
        v.Send(PurseCommands.VerifyLockCode(LockCode)).ExpectOk();
        Card.LockCodeVerified = true;
        v.Send(PurseCommands.VerifyLockCode()).ExpectOk();
        Status(v);

        v = Vector("verify-lock-code-wrong", "VERIFY LOCK CODE", "5.16, 6.1", "A wrong code: 63C2, and the session is no longer verified; the right one restores the tries.");
        v.Send(PurseCommands.VerifyLockCode("0000")).Expect(0x63C2);
        Card.LockCodeVerified = false;
        Card.TriesRemaining = 2;
        v.Send(PurseCommands.VerifyLockCode()).Expect(0x63C2);
        Status(v);
        v.Send(PurseCommands.VerifyLockCode(LockCode)).ExpectOk();
        Card.LockCodeVerified = true;
        Card.TriesRemaining = 3;
        Status(v);

        v = Vector("verify-lock-code-malformed", "VERIFY LOCK CODE", "5.16", "3 digits, a letter, two codes: 6A80, no try spent.");
        foreach (string data in new[] { "8A03313233", "8A043132333A", "8A0431323334 8A0431323334" })
        {
            v.Send(new CommandApdu(0x80, PurseInstruction.VerifyLockCode, 0, 0, Hex.Decode(data))).Expect(0x6A80);
        }
        Status(v);

        v = Vector("change-lock-code", "CHANGE LOCK CODE", "5.17", "A wrong old code 63C2; a malformed new one 6A80; then 2468 → 13579.");
        v.Send(PurseCommands.ChangeLockCode("1111", "1357")).Expect(0x63C2);
        Card.LockCodeVerified = false;
        v.Send(new CommandApdu(0x80, PurseInstruction.ChangeLockCode, 0, 0, Hex.Decode("8A0432343638 8A03313335"))).Expect(0x6A80);
        v.Send(PurseCommands.ChangeLockCode(LockCode, "13579")).ExpectOk();
        Card.LockCode = "13579";
        Card.TriesRemaining = 3;
        Card.LockCodeVerified = true;
        v.Send(PurseCommands.VerifyLockCode(LockCode)).Expect(0x63C2);
        v.Send(PurseCommands.VerifyLockCode("13579")).ExpectOk();
        Status(v);

        v = Vector("lock", "LOCK", "5.18, 6.1", "LOCK with a wrong code 63C2; with the right one a locked purse cannot pay (6982) but can receive.");
        v.Send(PurseCommands.Lock("0000")).Expect(0x63C2);
        Card.LockCodeVerified = false;
        v.Send(PurseCommands.Lock("13579")).ExpectOk();
        Card.TriesRemaining = 3;
        Card.LockCodeVerified = true;
        Card.Locked = true;
        Status(v);
        Verify(v, Customer1);
        StartRefused(v, PurseCommands.StartFrom(Customer1.Id, Eur, 10, 2009), 0x6982);
        Verify(v, Bank1);
        Receive(v, Bank1, Eur, 100, 1011);
        v.Send(new CommandApdu(0x80, PurseInstruction.Lock, 0, 0, Hex.Decode("8A03313233"))).Expect(0x6A80);

        v = Vector("unlock", "UNLOCK", "5.18", "UNLOCK with a malformed code 6A80, a wrong code 63C2, then the right one: paying works again.");
        v.Send(new CommandApdu(0x80, PurseInstruction.Unlock, 0, 0, Hex.Decode("8A0931323334353637383930"))).Expect(0x6A80);
        v.Send(PurseCommands.Unlock("0000")).Expect(0x63C2);
        Card.LockCodeVerified = false;
        v.Send(PurseCommands.Unlock("13579")).ExpectOk();
        Card.Locked = false;
        Card.TriesRemaining = 3;
        Card.LockCodeVerified = true;
        Status(v);
        Verify(v, Customer1);
        StartFrom(v, Customer1, Eur, 10, 2009);
        Abort(v);

        v = Vector("lock-code-blocked", "VERIFY LOCK CODE", "5.16, 6.1", "Three wrong codes: 63C2, 63C1, 63C0; then every lock-code command answers 6983.");
        v.Send(PurseCommands.VerifyLockCode("0000")).Expect(0x63C2);
        v.Send(PurseCommands.VerifyLockCode("0000")).Expect(0x63C1);
        v.Send(PurseCommands.VerifyLockCode("0000")).Expect(0x63C0);
        Card.TriesRemaining = 0;
        Card.LockCodeVerified = false;
        v.Send(PurseCommands.VerifyLockCode("13579")).Expect(0x6983);
        v.Send(PurseCommands.VerifyLockCode()).Expect(0x6983);
        v.Send(PurseCommands.ChangeLockCode("13579", "2468")).Expect(0x6983);
        v.Send(PurseCommands.Lock("13579")).Expect(0x6983);
        v.Send(PurseCommands.Unlock("13579")).Expect(0x6983);
        Status(v);

        v = Vector("reset-lock-code", "RESET LOCK CODE", "7.5", "A malformed code 6A80, a forged authorisation 6982; the issuer's reset: code 2468, 3 tries.");
        v.Send(Authorised(IssuerAuthorisation.Custom(MessageType.ResetLockCode, CardId, 0, Hex.Decode("8A03313233")))).Expect(0x6A80);
        v.Send(IssuerAuthorisation.ResetLockCode(CardId, 0, LockCode).ToSignedCommand(ConformanceKeys.Stranger.PrivateKey)).Expect(0x6982);
        IssuerOk(v, IssuerAuthorisation.ResetLockCode(CardId, 0, LockCode));
        Card.LockCode = LockCode;
        Card.TriesRemaining = 3;
        Status(v);
        v.Send(PurseCommands.VerifyLockCode(LockCode)).ExpectOk();
        Card.LockCodeVerified = true;
    }

    private void Contactless()
    {
        VectorBuilder v = Vector("contactless-limit", "START FROM", "6.3, 5.8",
            "Contactless, above the contactless limit, START FROM needs the lock code verified in the session (6982). Over contacts the steps marked contactless are skipped.");
        Select(v);
        Verify(v, Customer1);
        v.Send(PurseCommands.StartFrom(Customer1.Id, Eur, EurLimits.ContactlessLimit + 1, 2010)).On(CardInterfaceKind.Contactless).Expect(0x6982);
        v.Send(PurseCommands.VerifyLockCode(LockCode)).On(CardInterfaceKind.Contactless).ExpectOk();
        StartFrom(v, Customer1, Eur, EurLimits.ContactlessLimit + 1, 2010);
        Abort(v);
        Select(v);
    }
}
