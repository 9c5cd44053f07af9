using OrderBot.Suppliers.Model;

namespace OrderBot.Suppliers;

/// <summary>
/// Reads one account's whole order book, one supplier page per call, resumable: each page says where the next one
/// starts (<see cref="BookPage.NextCursor"/>), so a sync can checkpoint after every page and carry on after a crash.
/// Calls are background calls (<see cref="SupplierScope.Background"/>): they spend only the background share of the
/// supplier's budget, so questions keep priority. Expected failures come back as <see cref="BookPage.Problem"/>.
/// </summary>
public interface IOrderBookReader
{
    SupplierId Supplier { get; }

    /// <summary>The page at <paramref name="request"/>'s cursor (the first page when it has none).</summary>
    Task<BookPage> ReadPageAsync(BookPageRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// One booked order's details (its lines and their delivery dates), one background call; a reader without a
    /// details resource says so (<see cref="BookDetail.Unsupported"/>).
    /// </summary>
    Task<BookDetail> ReadDetailsAsync(BookDetailRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(BookDetail.Unsupported);
}

/// <summary>Which booked order's details to read: the account and country of its book, and the search hit the book holds.</summary>
public sealed record BookDetailRequest(string Account, string Country, Order Hit);

/// <summary>One order's details as the supplier sent them.</summary>
/// <param name="Order">The order with its lines (<see cref="Order.HasDetails"/>); null when the supplier no longer knows it or has no details resource.</param>
/// <param name="Problem">Why they could not be read (nothing else is then set); the same order can be asked again.</param>
/// <param name="Calls">Supplier calls spent.</param>
public sealed record BookDetail(Order? Order, SupplierProblem? Problem, int Calls)
{
    /// <summary>The reader has no details resource: nothing was asked.</summary>
    public static BookDetail Unsupported { get; } = new(null, null, 0);
}

/// <summary>Where to read: an account, a country, the pass's order-date range, and the cursor a previous page returned.</summary>
/// <param name="Account">Ingram customer number or Schneider purchaser id; <see cref="AllPurchasers"/> for every purchaser the Schneider key sees.</param>
/// <param name="Country">ISO alpha-2 ("GB", not "UK").</param>
/// <param name="From">Orders dated from here (inclusive). Ingram searches by entry-date windows; Schneider reads every page and keeps these.</param>
/// <param name="To">Orders dated up to here; the same for every page of a pass, so new orders do not shift the pages under it.</param>
/// <param name="Cursor">Null for the first page; else a previous page's <see cref="BookPage.NextCursor"/>.</param>
public sealed record BookPageRequest(string Account, string Country, DateTimeOffset From, DateTimeOffset To, string? Cursor)
{
    /// <summary>A Schneider account meaning "every purchaser of the API key" (no <c>purchaserid</c> sent).</summary>
    public const string AllPurchasers = "all";
}

/// <summary>One page of an account's book.</summary>
/// <param name="Orders">The page's orders (normalized), within the request's dates.</param>
/// <param name="NextCursor">Where the next page starts; null when this was the last one.</param>
/// <param name="Problem">Why the page could not be read (nothing else is then set); the same cursor can be asked again.</param>
/// <param name="Calls">Supplier calls spent on it.</param>
/// <param name="Position">Where the pass stands, for logs and /readyz, e.g. "window 3 of 9, page 2" or "page 4 of 12".</param>
public sealed record BookPage(IReadOnlyList<Order> Orders, string? NextCursor, SupplierProblem? Problem, int Calls, string Position)
{
    public static BookPage Failed(SupplierProblem problem, int calls, string position) => new([], null, problem, calls, position);
}
