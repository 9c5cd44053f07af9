using Microsoft.Extensions.DependencyInjection;
using OrderBot.Suppliers.Ingram;
using OrderBot.Suppliers.Model;
using OrderBot.Suppliers.Resilience;

namespace OrderBot.Suppliers.Tests.Ingram;

public sealed class IngramRateLimitTests
{
    [Fact]
    public async Task FindByPoAsync_ConcurrentCallersOverBudget_QueueWithoutTooManyRequests()
    {
        // Both sides keep a 6 calls / 60 s budget on one fake clock: 6 callers go at once, 4 queue for the next window.
        // (100 concurrent callers against the budget itself: RateBudgetTests.)
        await using var harness = await IngramHarness.StartAsync(
            sandbox: s => s.RateLimitCalls = 6,
            client: o =>
            {
                o.RateLimitCalls = 6;
                IngramFailureTests.LongWaits(o);
            });
        var budget = harness.Services.GetRequiredKeyedService<RateBudget>(IngramRegistration.RateBudgetKey);
        var scope = new SupplierScope { Country = "UK" };

        var calls = Enumerable.Range(0, 10).Select(_ => harness.Supplier.FindByPoAsync("CUSTPO", scope)).ToArray();
        await IngramHarness.UntilAsync(
            () => calls.Count(c => c.IsCompleted) == 6 && budget.Waiting == 4,
            () => $"answered {calls.Count(c => c.IsCompleted)}, queued {budget.Waiting}, sandbox calls {harness.Sandbox.State.ApiCalls}");
        Assert.Equal(6, harness.Sandbox.State.ApiCalls);

        harness.FakeClock.Advance(TimeSpan.FromSeconds(61));
        var results = await Task.WhenAll(calls);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Problem?.Message));
        Assert.Equal(10, harness.Sandbox.State.ApiCalls);
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
