namespace SmartCardCash.BankApi.Contracts;

/// <summary>A load as the bank records it. <see cref="Id"/> is the terminal's request ID; <see cref="State"/> is
/// <c>authorised</c>, <c>debited</c> (the bank purse paid: the account is debited), <c>completed</c> (the card
/// acknowledged), <c>cancelled</c> (nothing paid, the reservation released) or <c>value-logged</c> (the bank purse
/// logged the payment for the exception archive). <see cref="AlreadyAuthorised"/> on a retried authorisation.</summary>
public sealed record LoadJson(
    string Id,
    string Account,
    string Payee,
    string Currency,
    long Amount,
    string BankPurse,
    string State,
    bool AlreadyAuthorised);
