namespace SmartCardCash.Emulator.Vpcd.Tests.Probes;

/// <summary>What the probe applet reports about the runtime's calls. Written on a slot's task, read by the test.</summary>
internal sealed class ProbeLog : RecordedEvents<string>;
