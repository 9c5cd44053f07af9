using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrderBot.Suppliers.Ingram;
using OrderBot.Suppliers.Model;
using OrderBot.Suppliers.Schneider;

namespace OrderBot.Features.OrderBook;

/// <summary>Composition of the order book.</summary>
public static class OrderBookExtensions
{
    /// <summary>The <c>/readyz</c> entry listing each account's progress and age.</summary>
    public const string HealthCheckName = "orderbook";

    /// <summary>
    /// Registers <c>OrderBook</c> options (validated at start), the configured <see cref="OrderBookAccounts"/>, the
    /// store as <see cref="IOrderBook"/> and the <see cref="BookObservers"/> (every <see cref="IOrderBookObserver"/>
    /// registered, in any order), the sync (<see cref="OrderBookSync"/>, a hosted service), its metrics and the
    /// <c>orderbook</c> readiness entry. Needs <c>AddOrderBotState</c> and the supplier registrations.
    /// </summary>
    public static IHostApplicationBuilder AddOrderBook(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<OrderBookOptions>()
            .Bind(builder.Configuration.GetSection(OrderBookOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OrderBookOptions>, OrderBookOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new OrderBookAccounts(ConfiguredAccounts(
            sp.GetRequiredService<IOptions<OrderBookOptions>>().Value,
            sp.GetService<IOptions<IngramOptions>>()?.Value,
            sp.GetService<IOptions<SchneiderOptions>>()?.Value)));
        services.TryAddSingleton<BookObservers>();
        services.TryAddSingleton<OrderBookStore>();
        services.TryAddSingleton<IOrderBook>(sp => sp.GetRequiredService<OrderBookStore>());
        services.AddMetrics();
        services.TryAddSingleton<OrderBookMetrics>();
        services.TryAddSingleton<OrderBookSync>();
        services.AddHostedService(sp => sp.GetRequiredService<OrderBookSync>());
        services.AddHealthChecks().AddCheck<OrderBookHealthCheck>(HealthCheckName, tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// The books to keep: Ingram's customer number in each of its countries (<c>OrderBook:IngramCountries</c>, else its
    /// default country); Schneider's purchaser id (or every purchaser of the API key) in each of its countries
    /// (<c>OrderBook:SchneiderCountries</c>, else its default country and the countries it has settings for).
    /// A supplier without an account or country set has no book.
    /// </summary>
    internal static IEnumerable<BookAccount> ConfiguredAccounts(OrderBookOptions book, IngramOptions? ingram, SchneiderOptions? schneider)
    {
        if (ingram is { CustomerNumber: { } customer } && !string.IsNullOrWhiteSpace(customer))
        {
            var countries = book.IngramCountries.Count > 0 ? book.IngramCountries : [ingram.DefaultCountry];
            foreach (var country in Countries(countries))
            {
                yield return new BookAccount(SupplierId.Ingram, customer.Trim(), country);
            }
        }

        if (schneider is not null)
        {
            var countries = book.SchneiderCountries.Count > 0
                ? book.SchneiderCountries
                : [.. new[] { schneider.DefaultCountry }.OfType<string>(), .. schneider.Countries.Keys];
            var purchaser = string.IsNullOrWhiteSpace(schneider.PurchaserId) ? OrderBookAccounts.AllPurchasers : schneider.PurchaserId.Trim();
            foreach (var country in Countries(countries))
            {
                yield return new BookAccount(SupplierId.Schneider, purchaser, country);
            }
        }
    }

    private static IEnumerable<string> Countries(IEnumerable<string?> countries) =>
        countries.Select(OrderBookAccounts.NormalizeCountry).OfType<string>().Distinct(StringComparer.Ordinal);
}
