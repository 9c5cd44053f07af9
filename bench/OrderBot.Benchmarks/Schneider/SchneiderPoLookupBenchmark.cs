using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderBot.Sandbox.Schneider;
using OrderBot.Suppliers;
using OrderBot.Suppliers.Model;
using OrderBot.Suppliers.Schneider;

namespace OrderBot.Benchmarks.Schneider;

/// <summary>
/// PO lookups against a Schneider sandbox with many orders and realistic latency: supplier calls and wall time,
/// cold (page scan) and warm (PO cache), for a PO near the top, one deep in the list and an unknown PO.
/// Args: <c>--orders 2000 --latency 80 --page-size 100</c>.
/// </summary>
public sealed class SchneiderPoLookupBenchmark : IBenchmarkSuite
{
    public string Name => "schneider";

    public string Description => "Schneider PO lookup over loopback: calls and wall time, cold vs warm, by page concurrency";

    public async Task RunAsync(string[] args)
    {
        var orders = BenchArgs.Int(args, "--orders", 2000);
        var latency = TimeSpan.FromMilliseconds(BenchArgs.Int(args, "--latency", 80));
        var pageSize = BenchArgs.Int(args, "--page-size", 100);
        var sandboxOptions = new SchneiderSandboxOptions { OrderCount = orders, Latency = latency };
        await using var sandbox = await SchneiderSandboxServer.StartAsync(sandboxOptions, TimeProvider.System);
        var deepPo = await DeepestFrPoAsync(sandbox, pageSize);
        Console.WriteLine($"sandbox: {orders} bulk orders (+3 showcase), latency {latency.TotalMilliseconds} ms, page size {pageSize}; deep PO {deepPo}");
        Console.WriteLine($"{"concurrency",-12}{"PO",-14}{"run",-6}{"calls",7}{"search",8}{"details",9}{"wall ms",10}  found");

        foreach (var concurrency in new[] { 1, 4, 8 })
        {
            using var host = await StartHostAsync(sandbox, pageSize, concurrency);
            var supplier = host.Services.GetRequiredService<IOrderSupplier>();

            // Warm-up (JIT, connection pool) on an unrelated call, so the first measured row is not an outlier.
            await supplier.GetOrderAsync("0100222222", new SupplierScope { Country = "FR" });
            foreach (var po in new[] { "201120/1", deepPo, "NO-SUCH-PO" })
            {
                foreach (var run in new[] { "cold", "warm" })
                {
                    sandbox.Stats.Reset();
                    var watch = Stopwatch.StartNew();
                    var result = await supplier.FindByPoAsync(po, new SupplierScope { Country = "FR" });
                    watch.Stop();
                    var found = result.Problem?.Kind.ToString() ?? string.Join(",", result.Orders.Select(o => o.OrderNumber));
                    Console.WriteLine(
                        $"{concurrency,-12}{po,-14}{run,-6}{sandbox.Stats.ApiCalls,7}{sandbox.Stats.Search,8}{sandbox.Stats.OrderDetails,9}" +
                        $"{watch.Elapsed.TotalMilliseconds,10:F0}  {(found.Length == 0 ? "-" : found)}");
                }
            }

            await host.StopAsync();
        }
    }

    private static async Task<IHost> StartHostAsync(SchneiderSandboxServer sandbox, int pageSize, int concurrency)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Suppliers:Schneider:BaseUrl"] = sandbox.BaseUrl.ToString(),
            ["Suppliers:Schneider:ApiKey"] = sandbox.Options.ApiKey,
            ["Suppliers:Schneider:DefaultCountry"] = "FR",
            ["Suppliers:Schneider:PageSize"] = pageSize.ToString(CultureInfo.InvariantCulture),
            ["Suppliers:Schneider:MaxConcurrentPages"] = concurrency.ToString(CultureInfo.InvariantCulture),
        });
        builder.AddSchneiderSupplier();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    // The oldest FR order's PO: the worst case for a newest-first scan that still finds something.
    private static async Task<string> DeepestFrPoAsync(SchneiderSandboxServer sandbox, int pageSize)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Add(sandbox.Options.ApiKeyHeader, sandbox.Options.ApiKey);
        var text = await http.GetStringAsync(new Uri($"{sandbox.BaseUrl}/orders/FR?page-size={pageSize}&page=100000"));
        using var json = System.Text.Json.JsonDocument.Parse(text);
        var list = json.RootElement.GetProperty("orderList");
        return list[list.GetArrayLength() - 1].GetProperty("poNumber").GetString()!;
    }

}
