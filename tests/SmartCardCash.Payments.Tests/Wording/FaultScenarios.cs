using SmartCardCash.Emulator;

namespace SmartCardCash.Payments.Tests.Wording;

/// <summary>Payments that lose a card or an answer, once or twice, at every exchange, then recovery with all cards back.</summary>
internal static class FaultScenarios
{
    private const uint Amount = 1_250;

    /// <summary>One fault at every exchange of a payment, on either card, in each way, for three kinds of card.</summary>
    public static void OneFault(Transcript transcript)
    {
        foreach (RemovalSetup setup in Enum.GetValues<RemovalSetup>())
        {
            (InterfaceProfile payer, InterfaceProfile payee, string? code) = Cards(setup);
            (int payerExchanges, int payeeExchanges) = Exchanges(payer, payee, code);
            foreach (FaultKind kind in Enum.GetValues<FaultKind>())
            {
                foreach ((bool onPayer, int count) in new[] { (true, payerExchanges), (false, payeeExchanges) })
                {
                    for (int index = 0; index < count; index++)
                    {
                        var stage = new Stage(transcript, $"{setup}: {kind} at exchange {index} of the {(onPayer ? "payer" : "payee")}",
                            payer, payee);
                        (onPayer ? stage.Alice : stage.Bob).Channel.FailAt(index, kind);
                        stage.Pay(stage.Alice, stage.Bob, Amount, code);
                        stage.RecoverTwice();
                    }
                }
            }
        }
    }

    /// <summary>A fault on each card in one payment: every pair of exchanges, for each pair of ways of failing.</summary>
    public static void TwoFaults(Transcript transcript, FaultKind payerKind, FaultKind payeeKind)
    {
        for (int payerIndex = 0; payerIndex < 14; payerIndex++)
        {
            for (int payeeIndex = 0; payeeIndex < 12; payeeIndex++)
            {
                var stage = new Stage(transcript, $"{payerKind} at payer exchange {payerIndex}, {payeeKind} at payee exchange {payeeIndex}");
                stage.Alice.Channel.FailAt(payerIndex, payerKind);
                stage.Bob.Channel.FailAt(payeeIndex, payeeKind);
                stage.Pay(stage.Alice, stage.Bob, Amount);
                stage.RecoverTwice();
            }
        }
    }

    /// <summary>How many exchanges a clean payment makes with each card.</summary>
    private static (int Payer, int Payee) Exchanges(InterfaceProfile payer, InterfaceProfile payee, string? code)
    {
        var stage = new Stage(new Transcript(), "probe", payer, payee);
        int payerFirst = stage.Alice.Channel.Sent.Count, payeeFirst = stage.Bob.Channel.Sent.Count;
        stage.Pay(stage.Alice, stage.Bob, Amount, code);
        Assert.Equal(TransferState.Idle, stage.Alice.Read().State);
        return (stage.Alice.Channel.Sent.Count - payerFirst, stage.Bob.Channel.Sent.Count - payeeFirst);
    }

    private static (InterfaceProfile Payer, InterfaceProfile Payee, string? Code) Cards(RemovalSetup setup) => setup switch
    {
        RemovalSetup.ContactT0 => (InterfaceProfile.ContactT0, InterfaceProfile.ContactT0, null),
        RemovalSetup.ContactlessWithCode => (InterfaceProfile.Contactless, InterfaceProfile.ContactT1, PaymentWorld.LockCode),
        _ => (InterfaceProfile.ContactT1, InterfaceProfile.ContactT1, null),
    };
}
