using Microsoft.Extensions.DependencyInjection;
using OrderBot.Suppliers.Ingram;
using OrderBot.Suppliers.Model;
using OrderBot.Suppliers.Resilience;

namespace OrderBot.Suppliers.Tests.Ingram;

public sealed class IngramRateLimitTests
{
    [Fact]
    public async Task FindByPoAsync_Background_StopsAtItsShare()
    {
        await using var harness = await IngramHarness.StartAsync(client: o =>
        {
            (o.RateLimitCalls, o.BackgroundShare) = (4, 0.5);
            IngramFailureTests.LongWaits(o);
        });
        var background = new SupplierScope { Country = "UK", Background = true };
        var budget = harness.Services.GetRequiredKeyedService<SupplierGate>(IngramRegistration.GateKey);

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
