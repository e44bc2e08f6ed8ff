using SmartCardCash.Iso7816.Errors;

namespace SmartCardCash.Purse.Applet.Tests.Commands;

/// <summary>VERIFY, CHANGE, LOCK, UNLOCK and RESET LOCK CODE (spec 5.16–5.18, 6.1, 7.5).</summary>
public class LockCodeTests
{
    private readonly PurseUnderTest _purse = Peers.Loaded(PurseClass.Customer, 10_000, Eur);

    [Fact]
    public void The_right_code_verifies_for_the_session()
    {
        _purse.SendExpect(PurseCommands.VerifyLockCode(), 0x63C3);
        _purse.SendOk(PurseCommands.VerifyLockCode("1234"));
        _purse.SendOk(PurseCommands.VerifyLockCode());
        Assert.Equal(PurseFlags.LockCodeVerified, _purse.Status().Flags);
        _purse.PowerCycle();
        _purse.SendExpect(PurseCommands.VerifyLockCode(), 0x63C3);
    }

    [Fact]
    public void Wrong_codes_count_down_63Cx_to_a_blocked_code_6983()
    {
        _purse.SendExpect(PurseCommands.VerifyLockCode("0000"), 0x63C2);
        _purse.SendExpect(PurseCommands.VerifyLockCode("12345"), 0x63C1);
        _purse.SendExpect(PurseCommands.VerifyLockCode("4321"), 0x63C0);
        AssertRefusedWithoutChange(_purse, PurseCommands.VerifyLockCode("1234"), 0x6983);
        AssertRefusedWithoutChange(_purse, PurseCommands.VerifyLockCode(), 0x6983);
        AssertRefusedWithoutChange(_purse, PurseCommands.ChangeLockCode("1234", "5678"), 0x6983);
        AssertRefusedWithoutChange(_purse, PurseCommands.Lock("1234"), 0x6983);
        AssertRefusedWithoutChange(_purse, PurseCommands.Unlock("1234"), 0x6983);
        PurseStatus status = _purse.Status();
        Assert.Equal(PurseFlags.LockCodeBlocked, status.Flags);
        Assert.Equal(0, status.LockCodeTriesRemaining);
    }

    [Fact]
    public void A_right_code_restores_the_tries_and_a_wrong_one_clears_the_session()
    {
        _purse.SendExpect(PurseCommands.VerifyLockCode("0000"), 0x63C2);
        _purse.SendOk(PurseCommands.VerifyLockCode("1234"));
        Assert.Equal(3, _purse.Status().LockCodeTriesRemaining);
        _purse.SendExpect(PurseCommands.VerifyLockCode("0000"), 0x63C2);
        _purse.SendExpect(PurseCommands.VerifyLockCode(), 0x63C2);
    }

    [Fact]
    public void The_try_is_spent_before_the_comparison_so_a_power_loss_costs_it()
    {
        // VERIFY commits the decrement first, then restores the tries after the match. Cut power before the restore commits.
        _purse.Card.Emulated.Tearing = new TearAtCommitRecord(2);
        Assert.Throws<CardRemovedException>(() => _purse.Send(PurseCommands.VerifyLockCode("1234")));
        _purse.PowerCycle();
        PurseStatus status = _purse.Status();
        Assert.Equal(2, status.LockCodeTriesRemaining);
        Assert.Equal(PurseFlags.None, status.Flags);
    }

    [Fact]
    public void A_power_loss_at_the_decrement_itself_leaves_the_tries_and_grants_nothing()
    {
        _purse.Card.Emulated.Tearing = new TearAtCommitRecord(1);
        Assert.Throws<CardRemovedException>(() => _purse.Send(PurseCommands.VerifyLockCode("0000")));
        _purse.PowerCycle();
        Assert.Equal(3, _purse.Status().LockCodeTriesRemaining);
    }

    [Theory]
    [InlineData("8A03313233")]
    [InlineData("8A09313233343536373839")]
    [InlineData("8A043132333A")]
    [InlineData("8A0431323334 8A0431323334 8A0431323334")]
    [InlineData("8B0103")]
    public void Codes_that_are_not_4_to_8_digits_are_6A80_and_cost_no_try(string data)
    {
        AssertRefusedWithoutChange(_purse, new CommandApdu(0x80, PurseInstruction.VerifyLockCode, 0, 0, Hex.Decode(data)), 0x6A80);
        AssertRefusedWithoutChange(_purse, new CommandApdu(0x80, PurseInstruction.Lock, 0, 0, Hex.Decode(data)), 0x6A80);
        AssertRefusedWithoutChange(_purse, new CommandApdu(0x80, PurseInstruction.ChangeLockCode, 0, 0, Hex.Decode(data)), 0x6A80);
        AssertRefusedWithoutChange(_purse, new CommandApdu(0x80, PurseInstruction.Unlock, 0, 0, Hex.Decode(data)), 0x6A80);
    }

    [Fact]
    public void CHANGE_needs_the_old_code_and_sets_the_new_one()
    {
        AssertRefusedWithoutChange(_purse, new CommandApdu(0x80, PurseInstruction.ChangeLockCode, 0, 0, Hex.Decode("8A0431323334 8A03313233")), 0x6A80);
        _purse.SendExpect(PurseCommands.ChangeLockCode("9999", "5678"), 0x63C2);
        _purse.SendOk(PurseCommands.ChangeLockCode("1234", "87654321"));
        Assert.Equal(3, _purse.Status().LockCodeTriesRemaining);
        _purse.SendExpect(PurseCommands.VerifyLockCode("1234"), 0x63C2);
        _purse.SendOk(PurseCommands.VerifyLockCode("87654321"));
    }

    [Fact]
    public void LOCK_stops_paying_not_receiving_and_UNLOCK_undoes_it()
    {
        _purse.SendOk(PurseCommands.Lock("1234"));
        Assert.True(_purse.Status().Flags.HasFlag(PurseFlags.Locked));
        _purse.VerifyPeer(Peers.Merchant.Certificate);
        AssertRefusedWithoutChange(_purse, PurseCommands.StartFrom(Peers.Merchant.Id, Eur, 1, 1), 0x6982);
        _purse.Receive(Peers.Customer, Eur, 10, 4);
        _purse.SendExpect(PurseCommands.Unlock("0000"), 0x63C2);
        Assert.True(_purse.Status().Flags.HasFlag(PurseFlags.Locked));
        _purse.SendOk(PurseCommands.Unlock("1234"));
        Assert.False(_purse.Status().Flags.HasFlag(PurseFlags.Locked));
        _purse.Pay(Peers.Merchant, Eur, 10);
    }

    [Fact]
    public void A_blocked_code_leaves_the_locked_flag_and_the_issuer_reset_keeps_it()
    {
        _purse.SendOk(PurseCommands.Lock("1234"));
        for (int i = 0; i < 3; i++)
        {
            _purse.Send(PurseCommands.VerifyLockCode("0000"));
        }
        Assert.Equal(PurseFlags.Locked | PurseFlags.LockCodeBlocked, _purse.Status().Flags);

        _purse.SendOk(TestIssuer.Default.Authorise(IssuerAuthorisation.ResetLockCode(_purse.Id, 0, "2468")));

        PurseStatus status = _purse.Status();
        Assert.Equal(PurseFlags.Locked, status.Flags);
        Assert.Equal(3, status.LockCodeTriesRemaining);
        _purse.SendOk(PurseCommands.Unlock("2468"));
    }

    [Fact]
    public void RESET_LOCK_CODE_refuses_an_invalid_code_before_looking_at_the_authorisation()
    {
        IssuerAuthorisation reset = IssuerAuthorisation.Custom(MessageType.ResetLockCode, _purse.Id, 0, Hex.Decode("8A03313233"));
        AssertRefusedWithoutChange(_purse, TestIssuer.Default.Authorise(reset), 0x6A80);
    }

    [Fact]
    public void VERIFY_and_CHANGE_work_when_blocked_and_LOCK_does_not()
    {
        _purse.SendOk(TestIssuer.Default.Authorise(IssuerAuthorisation.Deactivate(_purse.Id, 0)));
        _purse.SendOk(PurseCommands.VerifyLockCode("1234"));
        _purse.SendOk(PurseCommands.ChangeLockCode("1234", "4321"));
        AssertRefusedWithoutChange(_purse, PurseCommands.Lock("4321"), 0x6985);
        AssertRefusedWithoutChange(_purse, PurseCommands.Unlock("4321"), 0x6985);
        PurseUnderTest blank = Blank();
        AssertRefusedWithoutChange(blank, PurseCommands.VerifyLockCode("1234"), 0x6985);
        AssertRefusedWithoutChange(blank, PurseCommands.ChangeLockCode("1234", "4321"), 0x6985);
        AssertRefusedWithoutChange(blank, PurseCommands.Unlock("1234"), 0x6985);
    }
}
