using System.Net;
using Microsoft.Extensions.Logging;
using SmartCardCash.Issuing;
using SmartCardCash.Settlement.BankPurses;

namespace SmartCardCash.BankService;

/// <summary>How to run the bank service: its database, where it listens, how large a request may be, where it logs.</summary>
public sealed record BankServiceOptions
{
    /// <summary>The port <c>scc bank serve</c> listens on unless told otherwise.</summary>
    public const int DefaultPort = 7878;

    /// <summary>The largest request body: every request of the API is a small JSON document.</summary>
    public const long DefaultMaxRequestBodyBytes = 64 * 1024;

    /// <summary>A SQLite path, a <c>postgres://</c> URL or a <c>Host=…</c> connection string (BankDatabase.Open).</summary>
    public required string Database { get; init; }

    /// <summary>Loopback by default; port 0 picks a free one.</summary>
    public IPEndPoint Endpoint { get; init; } = new(IPAddress.Loopback, DefaultPort);

    public long MaxRequestBodyBytes { get; init; } = DefaultMaxRequestBodyBytes;

    /// <summary>The largest body of POST /v1/clearing, which carries a terminal's journal (about 1 KiB a payment).</summary>
    public const long DefaultMaxJournalBodyBytes = 4 * 1024 * 1024;

    public long MaxJournalBodyBytes { get; init; } = DefaultMaxJournalBodyBytes;

    /// <summary>Where the service logs (nowhere by default). Logs name key IDs, never secrets.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>How long a load or deposit may hold a bank purse before the bank ends it as abandoned. A payment takes
    /// seconds; a terminal that vanished must not keep a purse from everyone else.</summary>
    public TimeSpan HoldTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the bank looks for holds older than <see cref="HoldTimeout"/>.</summary>
    public TimeSpan HoldSweepInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The issuer (<c>scc bank serve</c> loads the one in $SCC_HOME): it verifies purse certificates, signs the
    /// hotlist and the clear authorisations, and personalises and mints the bank's own purses. Without it, clearing,
    /// exception uploads, the hotlist, bank purses, loads and deposits answer 503.</summary>
    public Issuer? Issuer { get; init; }

    /// <summary>Gives each new bank purse its serial: the issuer's own store, as <c>scc issuer</c> keeps it.</summary>
    public IPurseSerialSource? Serials { get; init; }

    /// <summary>Seals the bank purses' card images in the database (each holds its purse's private key); needed with
    /// <see cref="Issuer"/> and <see cref="Serials"/>, and the same for every start on one database. <c>scc bank serve</c>
    /// keeps it in an owner-only file beside the issuer's key.</summary>
    public PurseImageKey? PurseImageKey { get; init; }

    /// <summary>Tests only: routes mapped after the bank's own (a route without roles, to prove it still needs a key).</summary>
    internal Action<Microsoft.AspNetCore.Routing.IEndpointRouteBuilder>? MapMore { get; init; }
}
