using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderBot.Suppliers.Model;
using OrderBot.Suppliers.Schneider.Wire;

namespace OrderBot.Suppliers.Schneider;

/// <summary>
/// Schneider Electric behind <see cref="IOrderSupplier"/>. The API has no PO filter, so a PO is found by scanning
/// search pages (bounded concurrency, early exit) and remembered in <see cref="SchneiderPoCache"/>.
/// </summary>
internal sealed partial class SchneiderSupplier : IOrderSupplier
{
    private readonly SchneiderClient _client;
    private readonly SchneiderPoCache _cache;
    private readonly IOptionsMonitor<SchneiderOptions> _options;
    private readonly ILogger<SchneiderSupplier> _logger;

    public SchneiderSupplier(SchneiderClient client, SchneiderPoCache cache, IOptionsMonitor<SchneiderOptions> options, ILogger<SchneiderSupplier> logger)
    {
        _client = client;
        _cache = cache;
        _options = options;
        _logger = logger;
    }

    public SupplierId Id => SupplierId.Schneider;

    /// <summary>Search hits carry no items; details + shipment schedules add them with tracking.</summary>
    public bool ProvidesShipmentDetails => true;

    public async Task<SupplierResult> FindByPoAsync(string po, SupplierScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(po);
        ArgumentNullException.ThrowIfNull(scope);
        if (!TryResolveCountry(scope, out var country, out var notConfigured))
        {
            return notConfigured;
        }

        var purchaser = Purchaser(scope);
        var normalized = SchneiderPoCache.NormalizePo(po);
        var warmCalls = 0;
        if (_cache.TryGet(country, purchaser, po, out var cachedNumbers))
        {
            Log.PoCacheHit(_logger, country, cachedNumbers.Count);
            var warm = await FetchDetailsAsync(country, cachedNumbers, fallbacks: null, cancellationToken);
            if (warm.Problem is not null
                || (warm.Orders.Count == cachedNumbers.Count && warm.Orders.All(o => o.CustomerPo is not null && SchneiderPoCache.NormalizePo(o.CustomerPo) == normalized)))
            {
                return warm with { SearchedScope = $"{Scope(country)}, cached" };
            }

            // A cached order vanished or now carries another PO: forget the entry and scan afresh.
            _cache.Invalidate(country, purchaser, po);
            warmCalls = warm.Calls;
        }

        var scan = await ScanAsync(
            country,
            orderStatus: null,
            purchaser,
            o => o.PoNumber is not null && SchneiderPoCache.NormalizePo(o.PoNumber) == normalized,
            stopOnMatch: true,
            cancellationToken);
        Log.PoScanned(_logger, country, scan.PagesRead, scan.TotalPages, scan.Matches.Count);
        var scopeText = $"{Scope(country)}, {scan.PagesRead} of {scan.TotalPages} pages";
        if (scan.Matches.Count == 0)
        {
            return scan.Problem is { } problem
                ? SupplierResult.Failed(problem, scan.Calls + warmCalls)
                : SupplierResult.Found(SupplierId.Schneider, [], scan.Calls + warmCalls, scopeText);
        }

        var numbers = scan.Matches.Select(m => m.OrderNumber!.Trim()).ToList();
        _cache.Set(country, purchaser, po, numbers);
        var fallbacks = scan.Matches.ToDictionary(m => m.OrderNumber!.Trim(), m => SchneiderMapper.FromSearch(m, country), StringComparer.Ordinal);
        var details = await FetchDetailsAsync(country, numbers, fallbacks, cancellationToken);
        return details with { Calls = details.Calls + scan.Calls + warmCalls, SearchedScope = scopeText };
    }

    public async Task<SupplierResult> GetOrderAsync(string orderNumber, SupplierScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderNumber);
        ArgumentNullException.ThrowIfNull(scope);
        if (!TryResolveCountry(scope, out var country, out var notConfigured))
        {
            return notConfigured;
        }

        var result = await FetchDetailsAsync(country, [orderNumber.Trim()], fallbacks: null, cancellationToken);
        return result with { SearchedScope = Scope(country) };
    }

    public async Task<SupplierResult> GetOrderWithShipmentsAsync(string orderNumber, SupplierScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderNumber);
        ArgumentNullException.ThrowIfNull(scope);
        if (!TryResolveCountry(scope, out var country, out var notConfigured))
        {
            return notConfigured;
        }

        var details = await _client.GetOrderAsync(country, orderNumber.Trim(), cancellationToken);
        if (details.Problem is { } problem)
        {
            return SupplierResult.Failed(problem, 1);
        }

        if (details.NotFound)
        {
            return SupplierResult.Found(SupplierId.Schneider, [], 1, Scope(country));
        }

        var order = SchneiderMapper.FromDetails(details.Value!, country);
        var shipments = new Dictionary<string, IReadOnlyList<Shipment>>(StringComparer.Ordinal);
        SupplierProblem? firstProblem = null;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.CurrentValue.MaxConcurrentItems, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(order.Items.Where(i => i.ItemNumber.Length > 0), parallel, async (item, ct) =>
        {
            var schedules = await _client.GetShipmentSchedulesAsync(country, order.OrderNumber, item.ItemNumber, ct);
            lock (shipments)
            {
                if (schedules.Value is { } value)
                {
                    shipments[item.ItemNumber] = SchneiderMapper.ToShipments(value);
                }
                else if (schedules.Problem is { } itemProblem)
                {
                    firstProblem ??= itemProblem;
                }
            }
        });

        var calls = 1 + order.Items.Count(i => i.ItemNumber.Length > 0);
        var withShipments = SchneiderMapper.WithShipments(order, shipments);

        // Partial: the order is still worth showing when one item's schedules could not be read.
        return new SupplierResult { Supplier = SupplierId.Schneider, Orders = [withShipments], Problem = firstProblem, Calls = calls, SearchedScope = Scope(country) };
    }

    public async Task<SupplierResult> SearchAsync(OrderSearch search, SupplierScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(scope);
        if (!TryResolveCountry(scope, out var country, out var notConfigured))
        {
            return notConfigured;
        }

        if (search.Hold is not null)
        {
            // Schneider reports no hold reasons, so no Schneider order can match a hold-category filter.
            return SupplierResult.Found(SupplierId.Schneider, [], 0, $"{Scope(country)} (no hold reasons at Schneider)");
        }

        string? statusCode = null;
        if (search.Status is { } status && (statusCode = SchneiderStatusTable.SearchCode(status)) is null)
        {
            return SupplierResult.Found(SupplierId.Schneider, [], 0, Scope(country));
        }

        var scan = await ScanAsync(country, statusCode, Purchaser(scope), o => InWindow(o.ReleaseDate, search), stopOnMatch: false, cancellationToken);
        if (scan.Problem is { } problem && scan.Matches.Count == 0)
        {
            return SupplierResult.Failed(problem, scan.Calls);
        }

        var matching = scan.Matches
            .Select(m => SchneiderMapper.FromSearch(m, country))
            .Where(o => search.Status is null || o.Status.Status == search.Status)
            .OrderByDescending(o => o.OrderDate)
            .ToList();
        var complete = scan.PagesRead >= scan.TotalPages;
        return new SupplierResult
        {
            Supplier = SupplierId.Schneider,
            Orders = [.. matching.Take(Math.Max(0, search.Limit))],
            Problem = scan.Problem,
            Calls = scan.Calls,
            SearchedScope = $"{Scope(country)}, {scan.PagesRead} of {scan.TotalPages} pages",
            MoreExist = matching.Count > search.Limit || !complete,
            MatchCount = complete ? matching.Count : null,
        };
    }

    private static bool InWindow(DateTimeOffset? date, OrderSearch search) =>
        (search.From is null && search.To is null)
        || (date is { } d && (search.From is null || d >= search.From) && (search.To is null || d < search.To));

    private static string Scope(string country) => $"Schneider Electric {country}";

    private string? Purchaser(SupplierScope scope) =>
        string.IsNullOrWhiteSpace(scope.SchneiderPurchaserId) ? _options.CurrentValue.PurchaserId : scope.SchneiderPurchaserId.Trim();

    private bool TryResolveCountry(SupplierScope scope, out string country, out SupplierResult notConfigured)
    {
        var raw = string.IsNullOrWhiteSpace(scope.Country) ? _options.CurrentValue.DefaultCountry : scope.Country;
        country = raw?.Trim().ToUpperInvariant() ?? string.Empty;
        if (country == "UK")
        {
            country = "GB";
        }

        if (country.Length == 2 && country.All(char.IsAsciiLetter))
        {
            notConfigured = null!;
            return true;
        }

        notConfigured = SupplierResult.Failed(new SupplierProblem(
            SupplierId.Schneider,
            SupplierProblemKind.NotConfigured,
            "Which country should I search at Schneider Electric?",
            Detail: country.Length == 0 ? "no country in scope or Suppliers:Schneider:DefaultCountry" : $"'{country}' is not a 2-letter country code"));
        return false;
    }
}
