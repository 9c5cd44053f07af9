using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderBot.Suppliers.Model;
using OrderBot.Suppliers.Schneider.Wire;

namespace OrderBot.Suppliers.Schneider;

/// <summary>
/// Schneider Electric behind <see cref="IOrderSupplier"/>. The API has no PO filter, so a PO is found by reading
/// every search page (bounded concurrency, up to a page cap) and a complete answer remembered in the <see cref="SupplierCache"/> (HybridCache).
/// </summary>
internal sealed partial class SchneiderSupplier : IOrderSupplier
{
    private readonly SchneiderClient _client;
    private readonly SupplierCache _cache;
    private readonly IOptionsMonitor<SchneiderOptions> _options;
    private readonly ILogger<SchneiderSupplier> _logger;

    public SchneiderSupplier(SchneiderClient client, SupplierCache cache, IOptionsMonitor<SchneiderOptions> options, ILogger<SchneiderSupplier> logger)
    {
        _client = client;
        _cache = cache;
        _options = options;
        _logger = logger;
    }

    public SupplierId Id => SupplierId.Schneider;

    /// <summary>POs compare trimmed and case-insensitively.</summary>
    internal static string NormalizePo(string po) => po.Trim().ToUpperInvariant();

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
        var normalized = NormalizePo(po);
        var warmCalls = 0;
        var key = $"schneider|po|{country.Code.ToUpperInvariant()}|{purchaser?.Trim()}|{normalized}";
        if (await _cache.GetAsync<string[]>(key, cancellationToken) is { } cachedNumbers)
        {
            Log.PoCacheHit(_logger, country.Code, cachedNumbers.Length);
            var warm = await FetchDetailsAsync(country, cachedNumbers, fallbacks: null, cancellationToken);
            if (warm.Problem is not null
                || (warm.Orders.Count == cachedNumbers.Length && warm.Orders.All(o => o.CustomerPo is not null && NormalizePo(o.CustomerPo) == normalized)))
            {
                return warm with { SearchedScope = $"{Scope(country.Code)}, every page (remembered)" };
            }

            // A cached order vanished or now carries another PO: forget the entry and scan afresh.
            await _cache.RemoveAsync(key, cancellationToken);
            warmCalls = warm.Calls;
        }

        // Every page: a PO's orders can sit on page 1 and on the last page alike (the list is by release date).
        var scan = await ScanAsync(
            country.Code,
            orderStatus: null,
            purchaser,
            o => o.PoNumber is not null && NormalizePo(o.PoNumber) == normalized,
            cancellationToken);
        Log.PoScanned(_logger, country.Code, scan.PagesRead, scan.TotalPages, scan.Matches.Count);
        var scopeText = ScanScope(country.Code, scan);
        if (scan.Matches.Count == 0)
        {
            return scan.Problem is { } problem
                ? SupplierResult.Failed(problem, scan.Calls + warmCalls)
                : SupplierResult.Found(SupplierId.Schneider, [], scan.Calls + warmCalls, scopeText) with { MoreExist = !scan.Complete };
        }

        var numbers = scan.Matches.Select(m => m.OrderNumber!.Trim()).ToList();
        if (scan.Complete && scan.Problem is null)
        {
            // Only a complete answer is remembered: a short list must not pass for the PO's orders for 30 minutes.
            await _cache.SetAsync(key, numbers.ToArray(), _options.CurrentValue.PoCacheTtl, "schneider|po", cancellationToken);
        }

        var fallbacks = scan.Matches.ToDictionary(m => m.OrderNumber!.Trim(), m => SchneiderMapper.FromSearch(m, country), StringComparer.Ordinal);
        var details = await FetchDetailsAsync(country, numbers, fallbacks, cancellationToken);
        return details with
        {
            Calls = details.Calls + scan.Calls + warmCalls,
            SearchedScope = scopeText,
            MoreExist = !scan.Complete,
            Problem = details.Problem ?? scan.Problem,
        };
    }

    /// <summary>"Schneider Electric FR, all 14 pages" or, stopped short, "… 50 of 80 pages (the page cap …)".</summary>
    private string ScanScope(string country, ScanResult scan) =>
        scan.Complete
            ? $"{Scope(country)}, {(scan.TotalPages == 1 ? "the only page" : $"all {scan.TotalPages} pages")}"
            : scan.Problem is null
                ? $"{Scope(country)}, {scan.PagesRead} of {scan.TotalPages} pages (OrderBot reads at most {_options.CurrentValue.MaxScanPages}); orders on the other {scan.TotalPages - scan.PagesRead} pages are not included"
                : $"{Scope(country)}, {scan.PagesRead} of {scan.TotalPages} pages before an error; the others could not be read";

    public async Task<SupplierResult> GetOrderAsync(string orderNumber, SupplierScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderNumber);
        ArgumentNullException.ThrowIfNull(scope);
        if (!TryResolveCountry(scope, out var country, out var notConfigured))
        {
            return notConfigured;
        }

        var result = await FetchDetailsAsync(country, [orderNumber.Trim()], fallbacks: null, cancellationToken);
        return result with { SearchedScope = Scope(country.Code) };
    }

    public async Task<SupplierResult> GetOrderWithShipmentsAsync(string orderNumber, SupplierScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderNumber);
        ArgumentNullException.ThrowIfNull(scope);
        if (!TryResolveCountry(scope, out var country, out var notConfigured))
        {
            return notConfigured;
        }

        var details = await _client.GetOrderAsync(country.Code, orderNumber.Trim(), cancellationToken);
        if (details.Problem is { } problem)
        {
            return SupplierResult.Failed(problem, 1);
        }

        if (details.NotFound)
        {
            return SupplierResult.Found(SupplierId.Schneider, [], 1, Scope(country.Code));
        }

        var order = SchneiderMapper.FromDetails(details.Value!, country);
        var shipments = new Dictionary<string, IReadOnlyList<Shipment>>(StringComparer.Ordinal);
        SupplierProblem? firstProblem = null;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.CurrentValue.MaxConcurrentItems, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(order.Items.Where(i => i.ItemNumber.Length > 0), parallel, async (item, ct) =>
        {
            var schedules = await _client.GetShipmentSchedulesAsync(country.Code, order.OrderNumber, item.ItemNumber, ct);
            lock (shipments)
            {
                if (schedules.Value is { } value)
                {
                    shipments[item.ItemNumber] = SchneiderMapper.ToShipments(value, country);
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
        return new SupplierResult { Supplier = SupplierId.Schneider, Orders = [withShipments], Problem = firstProblem, Calls = calls, SearchedScope = Scope(country.Code) };
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
            return SupplierResult.Found(SupplierId.Schneider, [], 0, $"{Scope(country.Code)} (no hold reasons at Schneider)");
        }

        if (search.Status is { } wanted && !country.Statuses.Knows(wanted))
        {
            // No code of this country means that state: nothing can match, and no code is invented to ask for it.
            return SupplierResult.Found(SupplierId.Schneider, [], 0, $"{Scope(country.Code)} (no Schneider {country.Code} status code means '{OrderStatusKeys.Display(wanted).ToLowerInvariant()}')");
        }

        // A code goes to Schneider only when configured for this country; otherwise every page is read and filtered here.
        var statusCode = search.Status is { } status ? country.Statuses.FilterCode(status) : null;
        var scan = await ScanAsync(country.Code, statusCode, Purchaser(scope), o => InWindow(o.ReleaseDate, search), cancellationToken);
        if (scan.Problem is { } problem && scan.Matches.Count == 0)
        {
            return SupplierResult.Failed(problem, scan.Calls);
        }

        var matching = scan.Matches
            .Select(m => SchneiderMapper.FromSearch(m, country))
            .Where(o => search.Status is null || o.Status.Status == search.Status)
            .OrderByDescending(o => o.OrderDate)
            .ToList();
        var orders = matching.Take(Math.Max(0, search.Limit)).ToList();
        var calls = scan.Calls;
        if (search.WithDeliveryDates)
        {
            (orders, var detailCalls) = await WithDatesAsync(country, orders, cancellationToken);
            calls += detailCalls;
        }

        return new SupplierResult
        {
            Supplier = SupplierId.Schneider,
            Orders = orders,
            Problem = scan.Problem,
            Calls = calls,
            SearchedScope = ScanScope(country.Code, scan),
            MoreExist = matching.Count > search.Limit || !scan.Complete,
            MatchCount = scan.Complete ? matching.Count : null,
        };
    }

    /// <summary>
    /// Search hits carry no delivery dates: the open ones (up to <see cref="SchneiderOptions.MaxDetailsPerSearch"/>,
    /// newest first) are replaced by their details. A hit whose details fail stays as it was, undated.
    /// </summary>
    private async Task<(List<Order> Orders, int Calls)> WithDatesAsync(SchneiderCountry country, List<Order> orders, CancellationToken cancellationToken)
    {
        var wanted = orders.Where(o => !o.HasDetails && !SupplierDates.IsDone(o.Status.Status))
            .Take(_options.CurrentValue.MaxDetailsPerSearch)
            .ToDictionary(o => o.OrderNumber, StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return (orders, 0);
        }

        var details = await FetchDetailsAsync(country, [.. wanted.Keys], wanted, cancellationToken);
        var byNumber = details.Orders.ToDictionary(o => o.OrderNumber, StringComparer.Ordinal);
        return ([.. orders.Select(o => byNumber.GetValueOrDefault(o.OrderNumber) ?? o)], details.Calls);
    }

    private static bool InWindow(DateTimeOffset? date, OrderSearch search) =>
        (search.From is null && search.To is null)
        || (date is { } d && (search.From is null || d >= search.From) && (search.To is null || d < search.To));

    private static string Scope(string country) => $"Schneider Electric {country}";

    private string? Purchaser(SupplierScope scope) =>
        string.IsNullOrWhiteSpace(scope.SchneiderPurchaserId) ? _options.CurrentValue.PurchaserId : scope.SchneiderPurchaserId.Trim();

    private bool TryResolveCountry(SupplierScope scope, out SchneiderCountry resolved, out SupplierResult notConfigured)
    {
        var raw = string.IsNullOrWhiteSpace(scope.Country) ? _options.CurrentValue.DefaultCountry : scope.Country;
        var country = raw?.Trim().ToUpperInvariant() ?? string.Empty;
        if (country == "UK")
        {
            country = "GB";
        }

        if (country.Length == 2 && country.All(char.IsAsciiLetter))
        {
            notConfigured = null!;
            resolved = SchneiderCountry.From(_options.CurrentValue, country);
            return true;
        }

        resolved = null!;

        notConfigured = SupplierResult.Failed(new SupplierProblem(
            SupplierId.Schneider,
            SupplierProblemKind.NotConfigured,
            "Which country should I search at Schneider Electric?",
            Detail: country.Length == 0 ? "no country in scope or Suppliers:Schneider:DefaultCountry" : $"'{country}' is not a 2-letter country code"));
        return false;
    }
}
