using OrderBot.Suppliers.Model;

namespace OrderBot.Features.OrderBook;

/// <summary>
/// The accounts whose books are kept (from <see cref="OrderBookOptions"/> and the supplier settings), and which of
/// them a question's <see cref="SupplierScope"/> may read.
/// </summary>
public sealed class OrderBookAccounts
{
    /// <summary>A Schneider book of every purchaser the API key sees (no <c>Suppliers:Schneider:PurchaserId</c> set).</summary>
    public const string AllPurchasers = "all";

    public OrderBookAccounts(IEnumerable<BookAccount> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        All = [.. accounts.DistinctBy(a => a.Key, StringComparer.Ordinal)];
    }

    public IReadOnlyList<BookAccount> All { get; }

    /// <summary>
    /// The books a scope may read: its country (UK and GB alike) and its own Ingram customer number or Schneider
    /// purchaser id when it names one; a member it leaves unset does not narrow.
    /// </summary>
    public IReadOnlyList<BookAccount> InScope(SupplierScope scope, SupplierId? supplier = null)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var country = NormalizeCountry(scope.Country);
        return [.. All.Where(a =>
            (supplier is null || a.Supplier == supplier)
            && (country is null || a.Country == country)
            && a.Supplier switch
            {
                SupplierId.Ingram => scope.IngramCustomerNumber is not { } customer || Same(customer, a.Account),
                _ => scope.SchneiderPurchaserId is not { } purchaser || Same(purchaser, a.Account) || a.Account == AllPurchasers,
            })];
    }

    /// <summary>The book an order read live belongs to, or null when no configured book holds its account.</summary>
    public BookAccount? For(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var country = NormalizeCountry(order.Country);
        return All.FirstOrDefault(a => a.Supplier == order.Supplier && a.Country == country
            && (Same(order.Account, a.Account) || (a.Supplier == SupplierId.Schneider && a.Account == AllPurchasers)));
    }

    /// <summary>ISO alpha-2, upper case; Ingram's "UK" is "GB".</summary>
    public static string? NormalizeCountry(string? country)
    {
        if (string.IsNullOrWhiteSpace(country))
        {
            return null;
        }

        var upper = country.Trim().ToUpperInvariant();
        return upper == "UK" ? "GB" : upper;
    }

    private static bool Same(string? a, string? b) =>
        a is not null && b is not null && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
