namespace SmartCardCash.Bench.Payments;

/// <summary>One measured payment: its wall-clock time, the time spent in the cards' Transmit, the image saves and the APDUs.</summary>
public readonly record struct PaymentSample(TimeSpan Total, TimeSpan InTransmit, TimeSpan InSaves, int Apdus, int Saves);
