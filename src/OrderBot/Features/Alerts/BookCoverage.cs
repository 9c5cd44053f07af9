using OrderBot.Features.OrderBook;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Alerts;

/// <summary>
/// The accounts whose order book stands in for the watcher's own supplier calls at one moment: those whose last full
/// sync completed no longer than <see cref="AlertsOptions.BookStaleAfter"/> ago. A book that has not completed yet, or
/// has stopped syncing, covers nothing, so the watcher polls and discovers as it did before the book. Pure.
/// </summary>
internal sealed class BookCoverage
{
    private readonly IReadOnlyList<BookAccount> _accounts;

    private BookCoverage(IReadOnlyList<BookAccount> accounts) => _accounts = accounts;

    /// <summary>No book (<c>OrderBook:Enabled=false</c>): nothing is covered.</summary>
    public static BookCoverage None { get; } = new([]);

    public IReadOnlyList<BookAccount> Accounts => _accounts;

    public static BookCoverage Of(IEnumerable<BookAccountState> states, DateTimeOffset now, TimeSpan staleAfter)
    {
        ArgumentNullException.ThrowIfNull(states);
        return new([.. states.Where(s => s.CompletedAt is { } done && now - done <= staleAfter).Select(s => s.Account)]);
    }

    /// <summary>The account's book is fresh. An unknown account (null) is never covered.</summary>
    public bool Covers(SupplierId supplier, string? account, string? country) =>
        Find(supplier, account, country) is not null;

    /// <summary>The fresh book of this account, or null.</summary>
    public BookAccount? Find(SupplierId supplier, string? account, string? country) =>
        account is null
            ? null
            : _accounts.FirstOrDefault(a => a.Supplier == supplier
                && (string.Equals(a.Account.Trim(), account.Trim(), StringComparison.OrdinalIgnoreCase) || IsAllPurchasers(a))
                && (country is null || SameCountry(a.Country, country)));

    /// <summary>Fresh books of the supplier, in the country when one is given.</summary>
    public IEnumerable<BookAccount> Of(SupplierId supplier, string? country) =>
        _accounts.Where(a => a.Supplier == supplier && (country is null || SameCountry(a.Country, country)));

    /// <summary>The scope that reads exactly this account's book.</summary>
    public static SupplierScope ScopeOf(BookAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new SupplierScope
        {
            Background = true,
            Country = account.Country,
            IngramCustomerNumber = account.Supplier == SupplierId.Ingram ? account.Account : null,
            SchneiderPurchaserId = account.Supplier == SupplierId.Schneider ? account.Account : null,
        };
    }

    /// <summary>A Schneider book of every purchaser the API key sees.</summary>
    private static bool IsAllPurchasers(BookAccount account) =>
        account.Supplier == SupplierId.Schneider && account.Account == OrderBookAccounts.AllPurchasers;

    /// <summary>ISO codes, with Ingram's "UK" read as "GB".</summary>
    private static bool SameCountry(string a, string b) =>
        string.Equals(Iso(a), Iso(b), StringComparison.OrdinalIgnoreCase);

    private static string Iso(string country) =>
        string.Equals(country.Trim(), "UK", StringComparison.OrdinalIgnoreCase) ? "GB" : country.Trim();
}
