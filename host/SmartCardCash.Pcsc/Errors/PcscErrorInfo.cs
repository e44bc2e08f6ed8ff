namespace SmartCardCash.Pcsc.Errors;

/// <summary>What <see cref="PcscErrors"/> knows about one code.</summary>
internal readonly record struct PcscErrorInfo(string Name, string Message, PcscErrorKind Kind);
