
namespace SmartCardCash.Payments.Tests.Wording;

/// <summary>Recovery and abandonment from every state an interrupted payment leaves, with a fault at any exchange.</summary>
internal static class RecoveryScenarios
{
    private const uint Amount = 1_250;

    /// <summary>Where the interrupted payment stopped: before this instruction (0: it completed).</summary>
    private static readonly (string Name, byte StopBefore)[] Stops =
    [
        ("payer epr", PurseInstruction.StartTo),
        ("payer epr, payee epv", PurseInstruction.Req),
        ("payer epa, payee epv", PurseInstruction.Val),
        ("payer epa, payee credited", PurseInstruction.Ack),
        ("completed", 0),
    ];

    private static readonly string[] Changes = ["as left", "payer aborted", "payee aborted", "both aborted"];

    public static void Recover(Transcript transcript)
    {
        foreach ((string stop, byte before) in Stops)
        {
            foreach (string change in Changes)
            {
                Interrupted(transcript, $"{stop}, {change}", before, change).RecoverTwice();
                foreach ((bool onPayer, int count) in new[] { (true, 10), (false, 8) })
                {
                    foreach (FaultKind kind in Enum.GetValues<FaultKind>())
                    {
                        for (int index = 0; index < count; index++)
                        {
                            Stage stage = Interrupted(transcript,
                                $"{stop}, {change}: recovery with {kind} at exchange {index} of the {(onPayer ? "payer" : "payee")}", before, change);
                            (onPayer ? stage.Alice : stage.Bob).Channel.FailAt(index, kind);
                            stage.Step("recover", c => c.Recover(stage.Alice.Purse, stage.Bob.Purse));
                            stage.RecoverTwice();
                        }
                    }
                }
            }
            foreach (string missing in new[] { "payer", "payee", "both" })
            {
                Stage stage = Interrupted(transcript, $"{stop}: recovery with the {missing} missing", before, "as left");
                if (missing != "payee")
                {
                    stage.Alice.Remove();
                }
                if (missing != "payer")
                {
                    stage.Bob.Remove();
                }
                stage.Step("recover", c => c.Recover(stage.Alice.Purse, stage.Bob.Purse));
                stage.RecoverTwice();
            }
            Stage other = Interrupted(transcript, $"{stop}: recovery with another counterparty", before, "as left");
            TestCard carol = other.Add(other.World.Customer("carol"));
            other.Step("recover alice with carol", c => c.Recover(other.Alice.Purse, carol.Purse));
            other.Step("recover carol with bob", c => c.Recover(carol.Purse, other.Bob.Purse));
            other.Step("recover bob with alice", c => c.Recover(other.Bob.Purse, other.Alice.Purse));
        }
    }

    public static void Abandon(Transcript transcript)
    {
        foreach ((string stop, byte before) in Stops.Prepend(("idle", (byte)1)))
        {
            foreach (bool payer in new[] { true, false })
            {
                string who = payer ? "the payer" : "the payee";
                Stage plain = Interrupted(transcript, $"{stop}: abandon on {who}", before, "as left");
                AbandonTwiceThenRecover(plain, payer);
                foreach (FaultKind kind in Enum.GetValues<FaultKind>())
                {
                    for (int index = 0; index < 6; index++)
                    {
                        Stage stage = Interrupted(transcript, $"{stop}: abandon on {who} with {kind} at exchange {index}", before, "as left");
                        (payer ? stage.Alice : stage.Bob).Channel.FailAt(index, kind);
                        AbandonTwiceThenRecover(stage, payer);
                    }
                }
                Stage gone = Interrupted(transcript, $"{stop}: abandon on {who}, not in the reader", before, "as left");
                (payer ? gone.Alice : gone.Bob).Remove();
                AbandonTwiceThenRecover(gone, payer);
            }
        }
    }

    private static void AbandonTwiceThenRecover(Stage stage, bool payer)
    {
        TestCard card = payer ? stage.Alice : stage.Bob;
        stage.Step("abandon", c => c.Abandon(card.Purse));
        card.Reinsert();
        stage.Step("abandon again", c => c.Abandon(card.Purse));
        stage.RecoverTwice();
    }

    /// <summary>alice → bob stopped before <paramref name="stopBefore"/> (1: never started), then changed as named.</summary>
    private static Stage Interrupted(Transcript transcript, string scenario, byte stopBefore, string change)
    {
        var stage = new Stage(transcript, scenario);
        if (stopBefore != 1)
        {
            PaymentWorld.StartAndStop(stage.Alice, stage.Bob, Amount, stopBefore);
        }
        if (change is "payer aborted" or "both aborted")
        {
            stage.Alice.Purse.Select();
            stage.Alice.Purse.Abort();
        }
        if (change is "payee aborted" or "both aborted")
        {
            stage.Bob.Purse.Select();
            stage.Bob.Purse.Abort();
        }
        return stage;
    }
}
