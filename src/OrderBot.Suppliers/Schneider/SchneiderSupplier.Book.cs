using System.Globalization;
using OrderBot.Suppliers.Model;

namespace OrderBot.Suppliers.Schneider;

/// <summary>
/// The book of one purchaser (or every purchaser of the key) in one country: every search page at the spec's largest
/// page size (200). The search has no date filter, so each page is read and orders released before
/// <see cref="BookPageRequest.From"/> are dropped here. Paging follows <c>totalNumberOfPages</c>; a page answered with
/// another number means the list shrank and nothing lies beyond (a page past the end returns the last one again).
/// </summary>
internal sealed partial class SchneiderSupplier : IOrderBookReader
{
    /// <summary>Spec: "Each page has 200 orders maximum".</summary>
    internal const int BookPageSize = 200;

    SupplierId IOrderBookReader.Supplier => SupplierId.Schneider;

    public async Task<BookPage> ReadPageAsync(BookPageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var page = request.Cursor is null ? 1
            : int.TryParse(request.Cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed >= 1 ? parsed
            : throw new ArgumentException($"'{request.Cursor}' is not a Schneider book cursor.", nameof(request));
        if (!TryResolveCountry(new SupplierScope { Country = request.Country }, out var country, out var notConfigured))
        {
            return BookPage.Failed(notConfigured.Problem!, 0, $"page {page}");
        }

        var purchaser = request.Account == BookPageRequest.AllPurchasers ? null : request.Account;
        var response = await _client.SearchAsync(country.Code, orderStatus: null, purchaser, page, BookPageSize, background: true, cancellationToken);
        if (response.Problem is { } problem)
        {
            return BookPage.Failed(problem, 1, $"page {page}");
        }

        var totalPages = Math.Max(1, response.Value?.Pagination?.TotalNumberOfPages ?? 1);
        var position = $"page {page} of {totalPages}";
        if (response.NotFound || response.Value is null)
        {
            return new BookPage([], null, null, 1, position);
        }

        var served = response.Value.Pagination?.PageNumber ?? page;
        var orders = (response.Value.OrderList ?? [])
            .Where(o => !string.IsNullOrWhiteSpace(o.OrderNumber))
            .Where(o => o.ReleaseDate is not { } released || (released >= request.From && released <= request.To))
            .Select(o => SchneiderMapper.FromSearch(o, country))
            .ToList();
        var next = served == page && page < totalPages ? (page + 1).ToString(CultureInfo.InvariantCulture) : null;
        return new BookPage(orders, next, null, 1, position);
    }

    /// <summary>
    /// The order's details (<c>GET orders/{country}/{order-number}</c>, one background call): its items carry
    /// <c>estimatedDeliveryDate</c> and <c>lastDeliveryDate</c>, which the search does not. Shipment schedules are not
    /// read (tracking stays on demand).
    /// </summary>
    public async Task<BookDetail> ReadDetailsAsync(BookDetailRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TryResolveCountry(new SupplierScope { Country = request.Country }, out var country, out var notConfigured))
        {
            return new BookDetail(null, notConfigured.Problem, 0);
        }

        var response = await _client.GetOrderAsync(country.Code, request.Hit.OrderNumber.Trim(), background: true, cancellationToken);
        return response.Problem is { } problem ? new BookDetail(null, problem, 1)
            : response.Value is { } details ? new BookDetail(SchneiderMapper.FromDetails(details, country), null, 1)
            : new BookDetail(null, null, 1);
    }
}
