using Microsoft.Extensions.Time.Testing;
using OrderBot.Suppliers.Model;
using OrderBot.Suppliers.Resilience;
using OrderBot.Suppliers.Tests.Ingram;

namespace OrderBot.Suppliers.Tests.Resilience;

/// <summary>
/// Our own budget never makes a question wait past its deadline, nor longer than TurnWait (#29), and a window the
/// server reports used up (remaining 0) is our volume, not the supplier refusing us.
/// </summary>
public sealed class OwnBudgetDeadlineTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 18, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(30)] // permit in 30 s: after the deadline (10 s)
    [InlineData(5)]  // permit in 5 s: within the deadline but beyond TurnWait (2 s)
    public async Task AcquireAsync_PermitBeyondTurnWait_NoLateAnswer_FalseAtOnceWithoutQueueing(int permitInSeconds)
    {
        var clock = new FakeTimeProvider(Start);
        using var budget = new SupplierGate(new SupplierGateSettings(1, TimeSpan.FromSeconds(60), 0.5, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(2)), clock);
        Assert.True(await budget.AcquireAsync(false, CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(61 - permitInSeconds));

        Task<bool> acquire;
        using (CallDeadline.Use(clock.GetUtcNow().AddSeconds(10)))
        {
            acquire = budget.AcquireAsync(false, CancellationToken.None);
        }

        Assert.True(acquire.IsCompleted, "waited on our own budget instead of answering at once");
        Assert.False(await acquire);
        Assert.Equal(0, budget.Waiting);
        Assert.Equal(Start.AddSeconds(61), budget.NextAvailableEstimate());
    }

    [Fact]
    public async Task AcquireAsync_PermitWithinTurnWait_Waits()
    {
        var clock = new FakeTimeProvider(Start);
        using var budget = new SupplierGate(new SupplierGateSettings(1, TimeSpan.FromSeconds(60), 0.5, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(2)), clock);
        Assert.True(await budget.AcquireAsync(false, CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(60)); // the permit comes back in 1 s

        Task<bool> acquire;
        using (CallDeadline.Use(clock.GetUtcNow().AddSeconds(10)))
        {
            acquire = budget.AcquireAsync(false, CancellationToken.None);
        }

        Assert.False(acquire.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await acquire.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task AcquireAsync_BudgetWaitZero_PermitWithinTurnWait_FalseAtOnce()
    {
        // An answer at hand (the order book's copy): the question does not wait the turn wait for a refresh.
        var clock = new FakeTimeProvider(Start);
        using var budget = new SupplierGate(new SupplierGateSettings(1, TimeSpan.FromSeconds(60), 0.5, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(2)), clock);
        Assert.True(await budget.AcquireAsync(false, CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(60)); // the permit comes back in 1 s

        Task<bool> acquire;
        using (CallDeadline.Use(clock.GetUtcNow().AddSeconds(10), lateEnd: null, onQueued: null, budgetWait: TimeSpan.Zero))
        {
            acquire = budget.AcquireAsync(false, CancellationToken.None);
        }

        Assert.True(acquire.IsCompleted, "waited on our own budget with an answer at hand");
        Assert.False(await acquire);
        Assert.Equal(0, budget.Waiting);
    }

    [Fact]
    public async Task AcquireAsync_BudgetWaitZero_PermitFreeNow_Granted()
    {
        var clock = new FakeTimeProvider(Start);
        using var budget = new SupplierGate(new SupplierGateSettings(1, TimeSpan.FromSeconds(60), 0.5, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(2)), clock);

        bool granted;
        using (CallDeadline.Use(clock.GetUtcNow().AddSeconds(10), lateEnd: null, onQueued: null, budgetWait: TimeSpan.Zero))
        {
            granted = await budget.AcquireAsync(false, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        }

        Assert.True(granted);
        Assert.Equal(0, budget.Remaining);
    }

    [Fact]
    public async Task AcquireAsync_BudgetWaitZeroWithinLateWindow_ReportsQueuedAtOnceAndKeepsItsPlace()
    {
        var clock = new FakeTimeProvider(Start);
        using var budget = new SupplierGate(new SupplierGateSettings(1, TimeSpan.FromSeconds(60), 0.5, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(2)), clock);
        Assert.True(await budget.AcquireAsync(false, CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(60)); // the permit comes back at 12:01:01, 1 s from now
        DateTimeOffset? reported = null;

        Task<bool> acquire;
        using (CallDeadline.Use(clock.GetUtcNow().AddSeconds(10), clock.GetUtcNow().AddSeconds(55), at =>
        {
            reported = at;
            return true;
        }, TimeSpan.Zero))
        {
            acquire = budget.AcquireAsync(false, CancellationToken.None);
        }

        Assert.Equal(Start.AddSeconds(61), reported);
        Assert.False(acquire.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await acquire.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task AcquireAsync_PermitBeyondTurnWaitWithinLateWindow_ReportsQueuedAndKeepsItsPlace()
    {
        var clock = new FakeTimeProvider(Start);
        using var budget = new SupplierGate(new SupplierGateSettings(1, TimeSpan.FromSeconds(60), 0.5, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(2)), clock);
        Assert.True(await budget.AcquireAsync(false, CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(56)); // the permit comes back at 12:01:01, 5 s from now
        DateTimeOffset? reported = null;

        Task<bool> acquire;
        using (CallDeadline.Use(clock.GetUtcNow().AddSeconds(10), clock.GetUtcNow().AddSeconds(55), at =>
        {
            reported = at;
            return true;
        }))
        {
            acquire = budget.AcquireAsync(false, CancellationToken.None);
        }

        Assert.Equal(Start.AddSeconds(61), reported);
        Assert.False(acquire.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(6));
        Assert.True(await acquire.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task FindByPoAsync_ServerWindowUsedUpByUs_UnderADeadline_IsOurAllowanceNotTheSuppliers()
    {
        await using var harness = await IngramHarness.StartAsync(sandbox: s => s.RateLimitCalls = 1);
        var scope = SupplierScope.Default with { Deadline = harness.FakeClock.GetUtcNow().AddSeconds(10) };
        Assert.True((await harness.Supplier.FindByPoAsync("CUSTPO", scope)).Succeeded);

        SupplierResult next;
        using (CallDeadline.Use(scope.Deadline))
        {
            next = await harness.Supplier.FindByPoAsync("CUSTPO", scope).WaitAsync(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(SupplierProblemKind.BudgetUsed, next.Problem?.Kind);
        Assert.NotNull(next.Problem!.AvailableAt);
        Assert.Equal(1, harness.Sandbox.State.ApiCalls);
        Assert.Equal(0, harness.Sandbox.State.RateLimited);
    }
}
