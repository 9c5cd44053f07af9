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
}
