using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderBot.Sandbox.Tracking;

namespace OrderBot.Sandbox.Schneider;

/// <summary>
/// A faithful local Schneider Order Status API: real HTTP on 127.0.0.1, the spec's wire format, API-key and OAuth
/// auth, pagination, the 404 codes, seeded showcase data, tracking pages, fault injection and a control endpoint.
/// </summary>
public sealed partial class SchneiderSandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SandboxStore _store;
    private readonly TimeProvider _timeProvider;
    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);

    private SchneiderSandboxServer(WebApplication app, SchneiderSandboxOptions options, TimeProvider timeProvider)
    {
        _app = app;
        Options = options;
        _timeProvider = timeProvider;
        _store = new SandboxStore(options, timeProvider);
        Faults = new SchneiderSandboxFaults(options);
    }

    public SchneiderSandboxOptions Options { get; }

    /// <summary>API root, mirroring production: <c>http://127.0.0.1:{port}/v1/supply-chain/partner-order-status</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The server root: <c>/token</c>, <c>/tracking/…</c> and <c>/_sandbox/…</c> live here.</summary>
    public Uri RootUrl { get; private set; } = null!;

    /// <summary>The OAuth token endpoint (<c>{RootUrl}token</c>), as <c>https://api.se.com/token</c> in production.</summary>
    public Uri TokenUrl => new(RootUrl, "token");

    public SchneiderSandboxFaults Faults { get; }

    public SchneiderSandboxStats Stats { get; } = new();

    /// <summary>When the data was built (the WATCH-1 timeline counts steps from here).</summary>
    public DateTimeOffset DataStart => _store.Start;

    /// <summary>Starts the sandbox on loopback and returns once it accepts requests.</summary>
    public static async Task<SchneiderSandboxServer> StartAsync(SchneiderSandboxOptions options, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, options.Port));
        builder.Services.AddSingleton(timeProvider);
        var app = builder.Build();
        var server = new SchneiderSandboxServer(app, options, timeProvider);
        server.MapEndpoints();
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.RootUrl = new Uri(address.TrimEnd('/') + "/");
        server.BaseUrl = new Uri(address.TrimEnd('/') + SchneiderSandboxOptions.BasePath);
        return server;
    }

    /// <summary>Rebuilds the data (timeline restarts now), clears faults back to the options, resets counters and tokens.</summary>
    public void Reset()
    {
        _store.Reset();
        Faults.Reset(Options);
        Stats.Reset();
        _tokens.Clear();
    }

    /// <summary>
    /// OrderBot configuration (<c>Suppliers:Schneider:Countries:{country}:…</c>) that reads the sandbox's local status
    /// codes (<see cref="SchneiderSandboxOptions.LocalStatusCodes"/>): for tests and demos that need Schneider holds.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> LocalStatusSettings(params string[] countries)
    {
        ArgumentNullException.ThrowIfNull(countries);
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var country in countries)
        {
            for (var i = 0; i < SandboxStatuses.LocalMeanings.Length; i++)
            {
                var (code, status) = SandboxStatuses.LocalMeanings[i];
                foreach (var list in new[] { "OrderStatuses", "ItemStatuses" })
                {
                    settings[$"Suppliers:Schneider:Countries:{country}:{list}:{i}:Code"] = code;
                    settings[$"Suppliers:Schneider:Countries:{country}:{list}:{i}:Status"] = status;
                }
            }
        }

        return settings;
    }

    /// <summary>Puts an order on hold now (nominal status OnHold: on the wire with <see cref="SchneiderSandboxOptions.LocalStatusCodes"/> only). False when no such order.</summary>
    public bool HoldOrder(string orderNumber) => _store.Change(orderNumber, o => o.StatusCode = "OnHold");

    /// <summary>Puts one item of an order on hold (item status OnHold; the order keeps its own status). False when no such order or item.</summary>
    public bool HoldItem(string orderNumber, string itemNumber)
    {
        var found = false;
        var changed = _store.Change(orderNumber, o =>
        {
            foreach (var item in o.Items.Where(i => string.Equals(i.ItemNumber, itemNumber.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                item.StatusCode = "OnHold";
                found = true;
            }
        });
        return changed && found;
    }

    /// <summary>Sets an order's status code as Schneider would send it (e.g. <c>Cancelled</c>, <c>Invoiced</c>). False when no such order.</summary>
    public bool SetStatus(string orderNumber, string statusCode) => _store.Change(orderNumber, o => o.StatusCode = statusCode);

    /// <summary>Releases a held order (status InProgress). False when no such order.</summary>
    public bool ReleaseOrder(string orderNumber) => _store.Change(orderNumber, o =>
    {
        o.StatusCode = "InProgress";
        foreach (var item in o.Items.Where(i => i.StatusCode == "OnHold"))
        {
            item.StatusCode = "InProgress";
        }
    });

    /// <summary>Ships every item of an order (FullyShipped, a schedule with tracking per unshipped item).</summary>
    public bool ShipOrder(string orderNumber) => _store.Change(orderNumber, o => SandboxData.Ship(o, "009" + o.OrderNumber[^7..]));

    /// <summary>Gives an order another customer PO (e.g. to make a PO match several orders). False when no such order.</summary>
    public bool SetPo(string orderNumber, string poNumber)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(poNumber);
        return _store.Change(orderNumber, o => o.PoNumber = poNumber);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Stats.Dispose();
    }

    private ParcelInfo? FindParcel(string trackingNumber) => _store.Read(view =>
    {
        foreach (var order in view.ByNumber.Values)
        {
            foreach (var item in order.Items)
            {
                var schedule = item.Schedules.FirstOrDefault(s => s.TrackingNumbers.Contains(trackingNumber, StringComparer.Ordinal));
                if (schedule is not null)
                {
                    var delivered = schedule.PromiseDate <= _timeProvider.GetUtcNow() - TimeSpan.FromDays(2);
                    return new ParcelInfo(
                        trackingNumber,
                        delivered ? "delivered" : "in transit",
                        $"Schneider Electric order {order.OrderNumber}, item {item.ItemNumber}, {schedule.ShippedQuantity} × {item.CatalogNumber}",
                        schedule.PromiseDate);
                }
            }
        }

        return null;
    });

    private sealed record IssuedToken(DateTimeOffset ExpiresAt, int Generation);

    private void MapTracking()
    {
        _app.MapTrackingPages(string.Empty, FindParcel);
        _app.MapTrackingPages(SchneiderSandboxOptions.BasePath, FindParcel);
    }

    internal string NewToken()
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        _tokens[token] = new IssuedToken(_timeProvider.GetUtcNow() + Options.TokenLifetime, Faults.TokenGeneration);
        return token;
    }

    internal bool IsValidToken(string token) =>
        _tokens.TryGetValue(token, out var issued)
        && issued.Generation == Faults.TokenGeneration
        && _timeProvider.GetUtcNow() < issued.ExpiresAt;
}
