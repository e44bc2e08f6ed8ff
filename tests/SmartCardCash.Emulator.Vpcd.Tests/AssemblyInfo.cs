// Test classes run one after another: several of them stop and restart listeners (a fake vpcd, the private pcscd) on
// fixed ports, and a test running alongside could take such a port in the gap and receive another test's card.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
