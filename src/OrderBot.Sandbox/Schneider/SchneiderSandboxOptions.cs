namespace OrderBot.Sandbox.Schneider;

/// <summary>
/// Options of the Schneider sandbox, configuration section <c>Sandbox:Schneider</c>. Every fault here can also be
/// switched at runtime through <see cref="SchneiderSandboxServer.Faults"/> or <c>POST /_sandbox/faults</c>.
/// </summary>
public sealed class SchneiderSandboxOptions
{
    public const string SectionName = "Sandbox:Schneider";

    /// <summary>The production base path, served as is so a BaseUrl differs from production only by host.</summary>
    public const string BasePath = "/v1/supply-chain/partner-order-status";

    /// <summary>Loopback port; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Bulk orders generated besides the showcase orders (deterministic from <see cref="Seed"/>).</summary>
    public int OrderCount { get; set; } = 400;

    public int Seed { get; set; } = 20201120;

    /// <summary>
    /// False (default): status codes on the wire are the spec's only (orders Open/InProgress, items Open/FullyShipped).
    /// True: a country list as a local Schneider contact would give it (OnHold, Backordered, PartiallyShipped,
    /// FullyShipped, Invoiced, Cancelled) — OrderBot must then be configured with that list
    /// (<c>Suppliers:Schneider:Countries:{CC}:OrderStatuses</c>) to read them as anything but unknown codes.
    /// </summary>
    public bool LocalStatusCodes { get; set; }

    /// <summary>Page size when the request gives none (public docs: 10).</summary>
    public int DefaultPageSize { get; set; } = 10;

    /// <summary>Largest page size accepted (spec: 200; public docs: 100). Larger requests get 400.</summary>
    public int MaxPageSize { get; set; } = 200;

    public string ApiKey { get; set; } = "sandbox-api-key";

    public string ApiKeyHeader { get; set; } = "apikey";

    public string ClientId { get; set; } = "sandbox-client";

    public string ClientSecret { get; set; } = "sandbox-secret";

    /// <summary>Lifetime of bearer tokens from <c>POST /token</c> (public docs: one hour).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Step length of the <c>WATCH-1</c> timeline (default 2 minutes so a demo sees changes quickly).</summary>
    public TimeSpan TimelineStep { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Delay added to every API response (measured on the injected TimeProvider).</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    /// <summary>The next N API requests answer 500.</summary>
    public int ServerErrorBurst { get; set; }

    /// <summary>The next N API requests answer 200 with a malformed JSON body.</summary>
    public int MalformedResponses { get; set; }

    /// <summary>The next N API requests answer 200 with the body cut in half mid-JSON.</summary>
    public int TruncatedResponses { get; set; }

    /// <summary>404 error codes as plain text instead of the JSON error body.</summary>
    public bool PlainTextErrors { get; set; }
}
