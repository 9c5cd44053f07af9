using Microsoft.Extensions.DependencyInjection;
using OrderBot.Suppliers.Ingram;
using OrderBot.Suppliers.Model;
using OrderBot.Suppliers.Resilience;

namespace OrderBot.Suppliers.Tests.Ingram;

public sealed class IngramRateLimitTests
{
    [Fact]
    public async Task FindByPoAsync_HundredConcurrentCallers_NoTooManyRequests()
    {
        // A short real window (20 calls per 500 ms) on both sides stands in for 60/60 s: 100 callers need 5 windows.
        await using var harness = await IngramHarness.StartAsync(
            sandbox: s => (s.RateLimitCalls, s.RateLimitPeriod) = (20, TimeSpan.FromMilliseconds(500)),
            client: o =>
            {
                o.RateLimitCalls = 20;
                o.RateLimitPeriod = TimeSpan.FromMilliseconds(500);
                o.RateLimitMaxWait = TimeSpan.FromMinutes(1);
                o.TotalTimeout = TimeSpan.FromMinutes(1);
                o.EnforceAvailability = false;
            },
            clock: TimeProvider.System);
        var scope = new SupplierScope { Country = "UK" };

        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => harness.Supplier.FindByPoAsync("CUSTPO", scope))));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Problem?.Message));
        Assert.Equal(100, harness.Sandbox.State.ApiCalls);
        Assert.Equal(0, harness.Sandbox.State.RateLimited);
    }

    [Fact]
    public async Task FindByPoAsync_Background_StopsAtItsShare()
    {
        await using var harness = await IngramHarness.StartAsync(client: o =>
        {
            (o.RateLimitCalls, o.BackgroundShare) = (4, 0.5);
            IngramFailureTests.LongWaits(o);
        });
        var background = new SupplierScope { Country = "UK", Background = true };
        var budget = harness.Services.GetRequiredKeyedService<RateBudget>(IngramRegistration.RateBudgetKey);

        await harness.Supplier.FindByPoAsync("CUSTPO", background);
        await harness.Supplier.FindByPoAsync("CUSTPO", background);
        var third = harness.Supplier.FindByPoAsync("CUSTPO", background);
        var interactive = await harness.Supplier.FindByPoAsync("CUSTPO", new SupplierScope { Country = "UK" });

        Assert.True(interactive.Succeeded);
        Assert.False(third.IsCompleted);
        Assert.Equal(1, budget.Remaining);
        harness.FakeClock.Advance(TimeSpan.FromSeconds(62));
        Assert.True((await third).Succeeded);
    }

    [Fact]
    public async Task FindByPoAsync_ServerSaysRemainingZero_NextCallWaitsForReset()
    {
        await using var harness = await IngramHarness.StartAsync(sandbox: s => s.RateLimitCalls = 1, client: IngramFailureTests.LongWaits);

        Assert.True((await harness.Supplier.FindByPoAsync("CUSTPO", SupplierScope.Default)).Succeeded);
        var next = harness.Supplier.FindByPoAsync("CUSTPO", SupplierScope.Default);

        Assert.False(next.IsCompleted);
        harness.FakeClock.Advance(TimeSpan.FromSeconds(60));
        Assert.True((await next).Succeeded);
        Assert.Equal(0, harness.Sandbox.State.RateLimited);
    }
}
