using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderBot.Sandbox.Ingram;
using OrderBot.Sandbox.Schneider;
using OrderBot.Suppliers;
using OrderBot.Suppliers.Ingram;
using OrderBot.Suppliers.Model;
using OrderBot.Suppliers.Schneider;

namespace OrderBot.Benchmarks.Lookup;

/// <summary>
/// "Where is PO 201120/1" through the real clients against both sandboxes (Schneider with 2,000 orders) with
/// realistic latency: supplier calls and wall time cold and warm, each supplier alone and both together — both
/// together should take about the slower one alone (asked concurrently), not the sum.
/// </summary>
public sealed class LookupBenchmark : IBenchmarkSuite
{
    private const string Po = "201120/1";

    public string Name => "lookup";

    public string Description => "PO lookup at both suppliers (2,000 SE orders, 80 ms latency): calls and wall time, cold/warm, concurrency";

    public async Task RunAsync(string[] args)
    {
        var latency = TimeSpan.FromMilliseconds(args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 80);
        await using var schneider = await SchneiderSandboxServer.StartAsync(
            new SchneiderSandboxOptions { OrderCount = 2000, Latency = latency }, TimeProvider.System);
        await using var ingram = await IngramSandboxServer.StartAsync(
            new IngramSandboxOptions { Latency = latency, EnforceAvailability = false }, TimeProvider.System);
        Console.WriteLine($"sandboxes: Schneider 2,000 orders, Ingram seeded; latency {latency.TotalMilliseconds} ms per call; page size 100");

        // Warm-up on another PO so "cold" below means an empty PO cache, not a cold JIT.
        using (var warmUp = BuildHost(schneider, ingram))
        {
            await warmUp.Services.GetRequiredService<OrderLookup>().FindByPoAsync("CUSTPO", SupplierScope.Default);
        }

        foreach (var only in new SupplierId?[] { SupplierId.Schneider, SupplierId.Ingram, null })
        {
            using var host = BuildHost(schneider, ingram);
            var lookup = host.Services.GetRequiredService<OrderLookup>();
            var label = only?.ToString() ?? "both";
            var cold = await MeasureAsync(lookup, only);
            var warm = await MeasureAsync(lookup, only);
            Console.WriteLine($"{label,-10} cold: {cold.Wall,7:F0} ms, {cold.Calls,2} calls, {cold.Orders} orders | warm: {warm.Wall,5:F0} ms, {warm.Calls,2} calls");
        }

        // The PO answer as the bot gives it: plus details of the orders that left the warehouse (Ingram: at most 3,
        // one details call each; a warm answer reuses cached details).
        foreach (var only in new SupplierId?[] { SupplierId.Ingram, null })
        {
            using var host = BuildHost(schneider, ingram);
            var lookup = host.Services.GetRequiredService<OrderLookup>();
            var label = (only?.ToString() ?? "both") + "+det";
            var cold = await MeasureWithDetailsAsync(lookup, only);
            var warm = await MeasureWithDetailsAsync(lookup, only);
            Console.WriteLine($"{label,-10} cold: {cold.Wall,7:F0} ms, {cold.Calls,2} calls, {cold.Tracking} tracking | warm: {warm.Wall,5:F0} ms, {warm.Calls,2} calls");
        }
    }

    private static async Task<(double Wall, int Calls, int Tracking)> MeasureWithDetailsAsync(OrderLookup lookup, SupplierId? only)
    {
        var scope = SupplierScope.Default;
        var watch = Stopwatch.StartNew();
        var found = await lookup.FindByPoAsync(Po, scope, only);
        var calls = found.Results.Sum(r => r.Calls);
        var tracking = 0;
        var details = found.Results
            .Where(r => r.Succeeded && lookup.ProvidesShipmentDetails(r.Supplier))
            .SelectMany(OrderBot.Features.Orders.OrderStatusService.PickForDetails)
            .Select(order => lookup.GetDetailsAsync(order, scope with { Country = order.Country }));
        foreach (var detailed in await Task.WhenAll(details))
        {
            calls += detailed.Results.Sum(r => r.Calls);
            tracking += detailed.Orders.Sum(o => o.AllTracking().Count());
        }

        watch.Stop();
        return (watch.Elapsed.TotalMilliseconds, calls, tracking);
    }

    private static async Task<(double Wall, int Calls, int Orders)> MeasureAsync(OrderLookup lookup, SupplierId? only)
    {
        var scope = SupplierScope.Default;
        var watch = Stopwatch.StartNew();
        var result = await lookup.FindByPoAsync(Po, scope, only);
        watch.Stop();
        foreach (var problem in result.Problems)
        {
            Console.WriteLine($"  problem: {problem.Supplier} {problem.Kind}: {problem.Message}");
        }

        return (watch.Elapsed.TotalMilliseconds, result.Results.Sum(r => r.Calls), result.Orders.Count());
    }

    private static IHost BuildHost(SchneiderSandboxServer schneider, IngramSandboxServer ingram)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Suppliers:Schneider:BaseUrl"] = schneider.BaseUrl.ToString(),
            ["Suppliers:Schneider:ApiKey"] = schneider.Options.ApiKey,
            ["Suppliers:Schneider:DefaultCountry"] = "FR",
            ["Suppliers:Ingram:BaseUrl"] = ingram.BaseUrl.ToString(),
            ["Suppliers:Ingram:ClientId"] = "bench",
            ["Suppliers:Ingram:ClientSecret"] = "bench",
            ["Suppliers:Ingram:CustomerNumber"] = "20-123456",
            ["Suppliers:Ingram:EnforceAvailability"] = "false",
        });
        builder.AddSchneiderSupplier();
        builder.AddIngramSupplier();
        builder.Services.AddSingleton<OrderLookup>();
        return builder.Build();
    }
}
