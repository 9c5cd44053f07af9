using System.Globalization;
using OrderBot.Suppliers.Model;

namespace OrderBot.Suppliers.Ingram;

/// <summary>
/// The book of one customer number in one country, by entry-date windows of the v5 search
/// (<c>startcreatetimestamp</c>/<c>endcreatetimestamp</c>), every page of each window at the largest page size (100).
/// Windows keep each search small and a resumed pass cheap; they walk from the oldest to <see cref="BookPageRequest.To"/>,
/// which is fixed for the pass, so orders entered meanwhile do not shift the pages being read. Adjacent windows
/// share their boundary second (the API's end is inclusive): an order there is read twice, never missed.
/// </summary>
internal sealed partial class IngramSupplier : IOrderBookReader
{
    /// <summary>Ten days a window: a large account (a few thousand orders in 90 days) needs a few pages per window.</summary>
    internal static readonly TimeSpan BookWindow = TimeSpan.FromDays(10);

    private const int BookPageSize = 100;

    SupplierId IOrderBookReader.Supplier => SupplierId.Ingram;

    public async Task<BookPage> ReadPageAsync(BookPageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (window, page) = ParseCursor(request.Cursor);
        var windows = Math.Max(1, (int)Math.Ceiling((request.To - request.From) / BookWindow));
        var start = request.From + (BookWindow * window);
        var end = window + 1 >= windows ? request.To : request.From + (BookWindow * (window + 1));
        var position = $"window {window + 1} of {windows}, page {page}";
        var scope = new SupplierScope { Country = request.Country, IngramCustomerNumber = request.Account, Background = true };
        var (customer, country, refused) = Resolve(scope, _options.CurrentValue);
        if (refused is not null)
        {
            return BookPage.Failed(refused, 0, position);
        }

        var query = new IngramSearchQuery
        {
            CustomerNumber = customer,
            Country = country,
            StartCreate = start,
            EndCreate = end,
            PageSize = BookPageSize,
            PageNumber = page,
        };
        var result = await _client.SearchAsync(query, background: true, cancellationToken);
        if (result.Problem is { } problem)
        {
            return BookPage.Failed(problem, 1, position);
        }

        var found = result.Page!;
        var orders = found.Orders.Select(o => IngramOrderMapper.Map(o, ToIsoCountry(country), customer)).ToList();
        var next = HasMorePages(found, page, BookPageSize) ? Cursor(window, page + 1)
            : window + 1 < windows ? Cursor(window + 1, 1)
            : null;
        return new BookPage(orders, next, null, 1, position);
    }

    /// <summary>The order's details (<c>GET /resellers/v5/Orders/{n}</c>, one background call): its lines and their dates.</summary>
    public async Task<BookDetail> ReadDetailsAsync(BookDetailRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = _options.CurrentValue;
        var scope = new SupplierScope { Country = request.Country, IngramCustomerNumber = request.Account, Background = true };
        var (customer, country, refused) = Resolve(scope, options);
        if (refused is not null)
        {
            return new BookDetail(null, refused, 0);
        }

        var result = await _client.DetailsAsync(request.Hit.OrderNumber, request.Hit.Account ?? customer, country, background: true, cancellationToken);
        return result.Problem is { } problem ? new BookDetail(null, problem, 1)
            : result.Detail is { } detail ? new BookDetail(IngramDetailsMapper.Enrich(request.Hit, detail, options.TrackingUrlTemplate), null, 1)
            : new BookDetail(null, null, 1);
    }

    private static string Cursor(int window, int page) => string.Create(CultureInfo.InvariantCulture, $"{window}:{page}");

    private static (int Window, int Page) ParseCursor(string? cursor)
    {
        if (cursor is null)
        {
            return (0, 1);
        }

        var parts = cursor.Split(':');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var window)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1
            ? (window, page)
            : throw new ArgumentException($"'{cursor}' is not an Ingram book cursor.", nameof(cursor));
    }
}
