using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrderBot.Sandbox.Ingram;
using OrderBot.Suppliers.Ingram;
using OrderBot.Suppliers.Model;
using OrderBot.Suppliers.Resilience;

namespace OrderBot.Suppliers.Tests.Resilience;

/// <summary>
/// Several instances on one Redis (#26): they spend ONE Ingram budget and reuse one another's answers. Each test is
/// two real hosts, wired as the app wires them, calling one fake Ingram over real HTTP on loopback, which counts the
/// calls. Redis keeps time itself (its window is real time), so these hosts use the system clock; every wait is
/// bounded by a one-second MaxWait and no assertion depends on how fast the machine is, only on the test finishing
/// inside one 60-second window.
/// </summary>
public sealed class SharedRedisTests
{
    private static readonly SupplierScope Uk = new() { Country = "UK" };

    [RedisFact]
    public async Task FindByPoAsync_TwoGatesOnOneRedis_ShareOneSixtyPerMinuteWindow()
    {
        await using var sandbox = await IngramSandboxServer.StartAsync(new IngramSandboxOptions { RateLimitCalls = 10_000 }, TimeProvider.System);
        var prefix = UniquePrefix();
        using var a = Start(sandbox, prefix);
        using var b = Start(sandbox, prefix);

        // 70 questions, half on each instance, at once: more than the 60 Ingram allows a minute.
        var asked = Enumerable.Range(0, 70)
            .Select(i => (i % 2 == 0 ? a : b).Services.GetRequiredService<IOrderSupplier>().FindByPoAsync("CUSTPO", Uk))
            .ToList();
        var results = await Task.WhenAll(asked);

        Assert.Equal(60, sandbox.State.ApiCalls);
        Assert.Equal(60, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(SupplierProblemKind.BudgetUsed, r.Problem!.Kind));
        Assert.Equal(0, sandbox.State.RateLimited);
    }

    [RedisFact]
    public async Task FindByPoAsync_SameOrderOnTwoHosts_ReachesIngramOnce()
    {
        await using var sandbox = await IngramSandboxServer.StartAsync(new IngramSandboxOptions(), TimeProvider.System);
        var prefix = UniquePrefix();
        using var a = Start(sandbox, prefix);
        using var b = Start(sandbox, prefix);

        var first = await a.Services.GetRequiredService<OrderLookup>().FindByPoAsync("CUSTPO", Uk);
        var second = await b.Services.GetRequiredService<OrderLookup>().FindByPoAsync("CUSTPO", Uk);

        Assert.Equal(1, sandbox.State.ApiCalls);
        Assert.Equal(
            first.Orders.Select(o => o.OrderNumber).Order(StringComparer.Ordinal),
            second.Orders.Select(o => o.OrderNumber).Order(StringComparer.Ordinal));
        Assert.NotEmpty(second.Orders);
        Assert.Equal(0, second.Results.Sum(r => r.Calls));
    }

    [Fact]
    public async Task FindByPoAsync_RedisUnreachable_FallsBackToThisInstancesOwnWindow()
    {
        await using var sandbox = await IngramSandboxServer.StartAsync(new IngramSandboxOptions { RateLimitCalls = 10_000 }, TimeProvider.System);
        // Nothing listens on port 1: every Redis command times out fast, and the gate keeps its own count instead.
        using var host = Start(sandbox, UniquePrefix(), redis: "127.0.0.1:1,connectTimeout=200,asyncTimeout=300", calls: 2);
        var supplier = host.Services.GetRequiredService<IOrderSupplier>();

        var results = new List<SupplierResult>();
        for (var i = 0; i < 3; i++)
        {
            results.Add(await supplier.FindByPoAsync("CUSTPO", Uk));
        }

        Assert.True(results[0].Succeeded && results[1].Succeeded, results[0].Problem?.Detail ?? results[1].Problem?.Detail);
        Assert.Equal(2, sandbox.State.ApiCalls);
        Assert.Equal(SupplierProblemKind.BudgetUsed, results[2].Problem?.Kind);
    }

    /// <summary>Each run writes under its own prefix: a window or an answer left by an earlier run cannot leak in.</summary>
    private static string UniquePrefix() => $"orderbot-test-{Guid.NewGuid():N}:";

    private static IHost Start(IngramSandboxServer sandbox, string prefix, string? redis = null, int calls = 60)
    {
        redis ??= RedisFactAttribute.ConnectionString;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis,
            ["Suppliers:Ingram:BaseUrl"] = sandbox.BaseUrl.ToString(),
            ["Suppliers:Ingram:CustomerNumber"] = "20-123456",
            ["Suppliers:Ingram:EnforceAvailability"] = "false",
            ["Suppliers:Ingram:RateLimitCalls"] = calls.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Suppliers:Ingram:RateLimitMaxWait"] = "00:00:01",
            ["Suppliers:Ingram:RetryBaseDelay"] = "00:00:00",
        });
        builder.Services.AddLogging();
        builder.Services.AddSupplierRedis(redis, prefix);
        builder.AddIngramSupplier();
        builder.AddOrderLookup();
        return builder.Build();
    }
}
