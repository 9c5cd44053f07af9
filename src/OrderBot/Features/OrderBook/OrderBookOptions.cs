using Microsoft.Extensions.Options;

namespace OrderBot.Features.OrderBook;

/// <summary>Configuration section <c>OrderBook</c>: the synced copy of each configured account. Validated at start-up.</summary>
public sealed class OrderBookOptions
{
    public const string SectionName = "OrderBook";

    /// <summary>Keep the book in sync (default true). False: no sync runs; the book keeps what it holds and live reads.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Run the passes on a schedule in this instance (default true). False: the book is used and kept by live reads, but
    /// passes run only when called (tests that drive <c>OrderBookSync</c> themselves, an instance that only answers).
    /// </summary>
    public bool BackgroundSync { get; set; } = true;

    /// <summary>Orders of the last N days are kept (Ingram: by entry date; Schneider: by release date). Default 90.</summary>
    public int Days { get; set; } = 90;

    /// <summary>How often an account with open or held orders is refreshed (default 5 minutes); final-only books every 6×.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one instance holds an account's sync lease without renewing it (renewed after every page).</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Most order details (delivery dates) one tick reads for an account's open orders (default 20; 0: none). They
    /// are background calls: a tick also never takes more than the background share left in the supplier's window.
    /// </summary>
    public int DetailsPerPass { get; set; } = 20;

    /// <summary>How old an unchanged open order's details may get before they are read again (default 1 hour).</summary>
    public TimeSpan DetailsRefresh { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Ingram countries to keep books for (ISO, e.g. <c>GB</c>); default: <c>Suppliers:Ingram:DefaultCountry</c>.</summary>
    public List<string> IngramCountries { get; set; } = [];

    /// <summary>
    /// Schneider countries to keep books for; default: <c>Suppliers:Schneider:DefaultCountry</c> and every country
    /// under <c>Suppliers:Schneider:Countries</c>.
    /// </summary>
    public List<string> SchneiderCountries { get; set; } = [];
}

internal sealed class OrderBookOptionsValidator : IValidateOptions<OrderBookOptions>
{
    public ValidateOptionsResult Validate(string? name, OrderBookOptions options)
    {
        var failures = new List<string>();
        if (options.Days is < 1 or > 3660)
        {
            failures.Add($"OrderBook:Days must be between 1 and 3660 (default 90), not {options.Days}.");
        }

        if (options.Interval < TimeSpan.FromSeconds(10))
        {
            failures.Add($"OrderBook:Interval must be at least 00:00:10 (default 00:05:00), not {options.Interval}.");
        }

        if (options.LeaseDuration < TimeSpan.FromSeconds(5))
        {
            failures.Add($"OrderBook:LeaseDuration must be at least 00:00:05 (default 00:02:00), not {options.LeaseDuration}.");
        }

        if (options.DetailsPerPass is < 0 or > 1000)
        {
            failures.Add($"OrderBook:DetailsPerPass must be between 0 and 1000 (default 20), not {options.DetailsPerPass}.");
        }

        if (options.DetailsRefresh < TimeSpan.FromMinutes(1))
        {
            failures.Add($"OrderBook:DetailsRefresh must be at least 00:01:00 (default 01:00:00), not {options.DetailsRefresh}.");
        }

        foreach (var country in options.IngramCountries.Concat(options.SchneiderCountries))
        {
            if (country.Trim().Length != 2 || !country.Trim().All(char.IsAsciiLetter))
            {
                failures.Add($"OrderBook:IngramCountries and OrderBook:SchneiderCountries take 2-letter country codes; '{country}' is not one.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
