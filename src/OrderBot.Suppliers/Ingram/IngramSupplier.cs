using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderBot.Suppliers.Ingram.Wire;
using OrderBot.Suppliers.Model;

namespace OrderBot.Suppliers.Ingram;

/// <summary>
/// Ingram Micro behind the supplier seam (OrderLookupAPI v5 search). Never throws for expected outcomes:
/// unavailable, rate limited, refused and unreadable answers come back as <see cref="SupplierProblem"/> values.
/// </summary>
internal sealed partial class IngramSupplier : IOrderSupplier
{
    private readonly IngramClient _client;
    private readonly SupplierCache _cache;
    private readonly IOptionsMonitor<IngramOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<IngramSupplier> _logger;

    public IngramSupplier(IngramClient client, SupplierCache cache, IOptionsMonitor<IngramOptions> options, TimeProvider timeProvider, ILogger<IngramSupplier> logger)
    {
        _client = client;
        _cache = cache;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public SupplierId Id => SupplierId.Ingram;

    /// <summary>The v5 details resource adds lines, serials, parcels and tracking to a search hit (one more call).</summary>
    public bool ProvidesShipmentDetails => true;

    /// <summary>
    /// Order lookups are the same v5 search: a search hit carries the same status and holds as an order call. (An order
    /// call on a shipped order adds its parcels; a snapshot counts a shipped order as tracked either way, so taking a
    /// hit as a poll never flips it, though an alert raised from a hit has no links and offers Track instead.)
    /// </summary>
    public bool SearchHitsAreComplete => true;

    public Task<SupplierResult> FindByPoAsync(string po, SupplierScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(po);
        ArgumentNullException.ThrowIfNull(scope);
        var trimmed = po.Trim();
        return RunAsync(
            scope,
            q => q with { CustomerOrderNumber = trimmed },
            // One PO may be several Ingram orders (duplicate POs are allowed): keep every exact match.
            orders => orders.Where(o => o.CustomerPo is null || string.Equals(o.CustomerPo, trimmed, StringComparison.OrdinalIgnoreCase)).ToList(),
            limit: int.MaxValue,
            cancellationToken);
    }

    /// <summary>
    /// The search hit; an order that has shipped but is not final also gets its details (one call, cached), so the
    /// watcher's shipped alert carries the parcels' tracking links. A failed details call keeps the search hit.
    /// </summary>
    public async Task<SupplierResult> GetOrderAsync(string orderNumber, SupplierScope scope, CancellationToken cancellationToken = default)
    {
        var found = await SearchOrderAsync(orderNumber, scope, cancellationToken);
        return await WithDetailsAsync(found, scope, o => o.Status.Status == OrderStatus.Shipped, required: false, cancellationToken);
    }

    /// <summary>The search hit plus the v5 details resource: lines, serials, shipments and tracking.</summary>
    public async Task<SupplierResult> GetOrderWithShipmentsAsync(string orderNumber, SupplierScope scope, CancellationToken cancellationToken = default)
    {
        var found = await SearchOrderAsync(orderNumber, scope, cancellationToken);
        return await WithDetailsAsync(found, scope, _ => true, required: true, cancellationToken);
    }

    /// <summary>Details for a hit already found (a PO summary's order): only the details call, no second search.</summary>
    public Task<SupplierResult> GetDetailsAsync(Order hit, SupplierScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hit);
        ArgumentNullException.ThrowIfNull(scope);
        var own = scope with { Country = hit.Country ?? scope.Country, IngramCustomerNumber = hit.Account ?? scope.IngramCustomerNumber };
        return WithDetailsAsync(SupplierResult.Found(SupplierId.Ingram, [hit]), own, _ => true, required: true, cancellationToken);
    }

    private Task<SupplierResult> SearchOrderAsync(string orderNumber, SupplierScope scope, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderNumber);
        ArgumentNullException.ThrowIfNull(scope);
        var baseNumber = BaseOrderNumber(orderNumber);
        return RunAsync(
            scope,
            q => q with { OrderNumber = baseNumber },
            orders => orders.Where(o => string.Equals(o.OrderNumber, baseNumber, StringComparison.OrdinalIgnoreCase)).ToList(),
            limit: int.MaxValue,
            cancellationToken);
    }

    public Task<SupplierResult> SearchAsync(OrderSearch search, SupplierScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(scope);
        // The API filters by one status code; a normalized status with one spec code is sent, others are filtered here.
        var codes = search.Status is { } status ? IngramStatusCodes.CodesFor(status).ToList() : [];
        var serverCode = codes.Count == 1 && codes[0].Length > 0 ? codes[0] : null;
        return RunAsync(
            scope,
            q => q with { OrderStatus = serverCode, StartCreate = search.From, EndCreate = search.To },
            orders => orders
                .Where(o => search.Status is not { } s || o.Status.Status == s || o.SubOrders.Any(x => x.Status.Status == s))
                .Where(o => search.Hold is not { } h || o.Holds.Any(x => x.Category == h))
                .OrderByDescending(o => o.OrderDate)
                .ToList(),
            limit: search.Limit,
            cancellationToken,
            filtersLocally: search.Hold is not null || (search.Status is not null && serverCode is null));
    }

    /// <summary>"20-RD12H-11" (a sub-order) → "20-RD12H"; anything else unchanged (trimmed, upper-case).</summary>
    internal static string BaseOrderNumber(string orderNumber)
    {
        var trimmed = orderNumber.Trim().ToUpperInvariant();
        var match = SubOrderPattern().Match(trimmed);
        return match.Success ? match.Groups["base"].Value : trimmed;
    }

    /// <summary>OrderBot speaks ISO ("GB"); Ingram says "UK".</summary>
    internal static string ToIngramCountry(string country)
    {
        var upper = country.Trim().ToUpperInvariant();
        return upper == "GB" ? "UK" : upper;
    }

    internal static string ToIsoCountry(string ingramCountry) => ingramCountry == "UK" ? "GB" : ingramCountry;

    private async Task<SupplierResult> RunAsync(
        SupplierScope scope,
        Func<IngramSearchQuery, IngramSearchQuery> shape,
        Func<IReadOnlyList<Order>, IReadOnlyList<Order>> select,
        int limit,
        CancellationToken cancellationToken,
        bool filtersLocally = false)
    {
        var options = _options.CurrentValue;
        var (customer, country, refused) = Resolve(scope, options);
        if (refused is not null)
        {
            return SupplierResult.Failed(refused);
        }

        var scopeText = SupplierNames.Display(SupplierId.Ingram, country);
        var query = shape(new IngramSearchQuery { CustomerNumber = customer, Country = country, PageSize = options.PageSize });
        var orders = new List<Order>();
        var calls = 0;
        var morePages = false;
        var found = 0;
        for (var pageNumber = 1; pageNumber <= options.MaxPages; pageNumber++)
        {
            var result = await _client.SearchAsync(query with { PageNumber = pageNumber }, scope.Background, cancellationToken);
            calls++;
            if (result.Problem is { } problem)
            {
                return SupplierResult.Failed(problem, calls);
            }

            var page = result.Page!;
            orders.AddRange(page.Orders.Select(o => IngramOrderMapper.Map(o, ToIsoCountry(country), customer)));
            found = (int)Math.Min(int.MaxValue, page.OrdersFound);
            morePages = HasMorePages(page, pageNumber, options.PageSize);
            if (!morePages || select(orders).Count >= limit)
            {
                break;
            }
        }

        var merged = orders.GroupBy(o => o.OrderNumber, StringComparer.OrdinalIgnoreCase).Select(g => g.First()).ToList();
        var selected = select(merged);
        var pages = calls == 1 ? "1 page" : $"{calls} pages";
        return SupplierResult.Found(SupplierId.Ingram, [.. selected.Take(limit)], calls, $"{scopeText}, customer {customer}, {pages}") with
        {
            // Stopped at the limit or the page cap with pages left: there may be more. The server's count is the total
            // only when nothing was filtered here.
            MoreExist = selected.Count > limit || morePages,
            MatchCount = filtersLocally || found == 0 ? null : found,
        };
    }

    /// <summary>The customer number and Ingram country a call goes to, or why no call may be made now.</summary>
    private (string Customer, string Country, SupplierProblem? Refused) Resolve(SupplierScope scope, IngramOptions options)
    {
        var country = ToIngramCountry(scope.Country ?? options.DefaultCountry);
        var customer = scope.IngramCustomerNumber ?? options.CustomerNumber;
        if (string.IsNullOrWhiteSpace(customer))
        {
            return (string.Empty, country, new SupplierProblem(
                SupplierId.Ingram,
                SupplierProblemKind.NotConfigured,
                "No Ingram Micro customer number is set for you.",
                Detail: $"Set {IngramOptions.SectionName}:CustomerNumber or the user's Ingram customer number."));
        }

        if (options.EnforceAvailability)
        {
            var decision = IngramAvailability.Check(country, _timeProvider.GetUtcNow(), options.AvailabilityOnWeekends);
            if (!decision.IsOpen)
            {
                Log.OutsideWindow(_logger, country, decision.Message!);
                return (customer.Trim(), country, new SupplierProblem(
                    SupplierId.Ingram, SupplierProblemKind.OutsideAvailabilityWindow, decision.Message!, decision.AvailableAt));
            }
        }

        return (customer.Trim(), country, null);
    }

    /// <summary>
    /// Adds details to the hits <paramref name="wanted"/> picks (each one call unless cached). When the details were
    /// asked for (<paramref name="required"/>), a failed call is the answer's problem, so the card says "Ingram is busy"
    /// rather than "sent no items"; otherwise the search hit stands.
    /// </summary>
    private async Task<SupplierResult> WithDetailsAsync(SupplierResult found, SupplierScope scope, Func<Order, bool> wanted, bool required, CancellationToken cancellationToken)
    {
        if (!found.Succeeded || !found.Orders.Any(o => !o.HasDetails && wanted(o)))
        {
            return found;
        }

        var options = _options.CurrentValue;
        var (customer, country, refused) = Resolve(scope with { Country = found.Orders[0].Country ?? scope.Country }, options);
        if (refused is not null)
        {
            return required ? SupplierResult.Failed(refused, found.Calls) : found;
        }

        var calls = found.Calls;
        var orders = new List<Order>(found.Orders.Count);
        foreach (var order in found.Orders)
        {
            if (order.HasDetails || !wanted(order))
            {
                orders.Add(order);
                continue;
            }

            var customerNumber = order.Account ?? customer;
            // Details already read (Items, Track and a PO summary asked one after the other spend one call).
            var key = $"ingram|details|{customerNumber.Trim()}|{country.Trim()}|{order.OrderNumber.Trim()}".ToUpperInvariant();
            if (await _cache.GetAsync<IngramWireOrderDetail>(key, cancellationToken) is { } cached)
            {
                orders.Add(IngramDetailsMapper.Enrich(order, cached, options.TrackingUrlTemplate));
                continue;
            }

            var result = await _client.DetailsAsync(order.OrderNumber, customerNumber, country, scope.Background, cancellationToken);
            calls++;
            if (result.Problem is { } problem)
            {
                Log.DetailsSkipped(_logger, order.OrderNumber, problem.Kind);
                if (required)
                {
                    return SupplierResult.Failed(problem, calls);
                }

                orders.Add(order);
                continue;
            }

            if (result.Detail is { } detail)
            {
                var final = OrderStatusKeys.IsFinal(order.Status.Status);
                await _cache.SetAsync(key, detail, final ? options.DetailsCacheFinal : options.DetailsCacheOpen, "ingram|details", cancellationToken);
                orders.Add(IngramDetailsMapper.Enrich(order, detail, options.TrackingUrlTemplate));
            }
            else
            {
                // Search knows the order but details do not (yet): the hit, honestly without details.
                orders.Add(order);
            }
        }

        return found with { Orders = orders, Calls = calls };
    }

    /// <summary>
    /// Ingram's "ordersfound" is not always consistent with the pages (the spec sample says 3 with page size 1 and one
    /// order), so an empty page also ends the walk; the server's page size wins over the one we asked for.
    /// </summary>
    private static bool HasMorePages(IngramSearchPage page, int pageNumber, int requestedSize)
    {
        if (page.Orders.Count == 0)
        {
            return false;
        }

        var size = page.PageSize > 0 ? page.PageSize : requestedSize;
        return (long)pageNumber * size < page.OrdersFound;
    }

    [GeneratedRegex(@"^(?<base>\d{2}-[A-Z0-9]+)-\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex SubOrderPattern();
}
