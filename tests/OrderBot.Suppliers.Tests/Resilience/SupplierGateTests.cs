using Microsoft.Extensions.Time.Testing;
using OrderBot.Suppliers.Resilience;

namespace OrderBot.Suppliers.Tests.Resilience;

public sealed class SupplierGateTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 18, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AcquireAsync_BudgetSpent_QueuesUntilAFullPeriodPassed()
    {
        var clock = new FakeTimeProvider(Start);
        using var budget = new SupplierGate(new SupplierGateSettings(10, TimeSpan.FromSeconds(60), 0.5, TimeSpan.FromHours(1)), clock);
        for (var i = 0; i < 10; i++)
        {
            Assert.True(await budget.AcquireAsync(background: false, CancellationToken.None));
        }

        var eleventh = budget.AcquireAsync(background: false, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.False(eleventh.IsCompleted);

        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(await eleventh);
    }

    [Fact]
    public async Task AcquireAsync_BudgetScarce_UserQuestionQueuedLaterGoesAheadOfTheWatcher()
    {
        var clock = new FakeTimeProvider(Start);
        using var budget = new SupplierGate(new SupplierGateSettings(4, TimeSpan.FromSeconds(60), 1.0, TimeSpan.FromHours(1)), clock);
        Assert.True(await budget.AcquireAsync(background: false, CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(10));
        for (var i = 0; i < 3; i++)
        {
            Assert.True(await budget.AcquireAsync(background: false, CancellationToken.None));
        }

        var poll = budget.AcquireAsync(background: true, CancellationToken.None);
        var question = budget.AcquireAsync(background: false, CancellationToken.None);
        Assert.Equal(2, budget.Waiting);

        // One permit comes back (the first call's): the question gets it although the poll queued first.
        clock.Advance(TimeSpan.FromSeconds(52));
        Assert.True(await question.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.False(poll.IsCompleted);

        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.True(await poll.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task AcquireAsync_Background_OnlyGetsItsShareAndInteractiveKeepsHeadroom()
    {
        var clock = new FakeTimeProvider(Start);
        using var budget = new SupplierGate(new SupplierGateSettings(10, TimeSpan.FromSeconds(60), 0.5, TimeSpan.FromHours(1)), clock);
        for (var i = 0; i < 5; i++)
        {
            Assert.True(await budget.AcquireAsync(background: true, CancellationToken.None));
        }

        var sixthBackground = budget.AcquireAsync(background: true, CancellationToken.None);
        Assert.False(sixthBackground.IsCompleted);
        for (var i = 0; i < 5; i++)
        {
            Assert.True(await budget.AcquireAsync(background: false, CancellationToken.None));
        }

        Assert.Equal(0, budget.Remaining);
        clock.Advance(TimeSpan.FromSeconds(62));
        Assert.True(await sixthBackground);
    }

    [Fact]
    public async Task AcquireAsync_WaitLongerThanMaxWait_ReturnsFalse()
    {
        var clock = new FakeTimeProvider(Start);
        using var budget = new SupplierGate(new SupplierGateSettings(1, TimeSpan.FromSeconds(60), 0.5, TimeSpan.FromSeconds(5)), clock);
        Assert.True(await budget.AcquireAsync(false, CancellationToken.None));

        var second = budget.AcquireAsync(false, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(6));

        Assert.False(await second);
        Assert.True(budget.NextAvailableEstimate() > clock.GetUtcNow());
    }

    [Fact]
    public async Task PauseUntil_ServerSaidStop_CallersWaitForReset()
    {
        var clock = new FakeTimeProvider(Start);
        using var budget = new SupplierGate(new SupplierGateSettings(60, TimeSpan.FromSeconds(60), 0.5, TimeSpan.FromHours(1)), clock);
        budget.PauseUntil(Start.AddSeconds(30));

        var call = budget.AcquireAsync(false, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(call.IsCompleted);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await call);
    }

    [Fact]
    public async Task AcquireAsync_HundredConcurrentCallers_NeverMoreThanTheBudgetPerPeriod()
    {
        var clock = new FakeTimeProvider(Start);
        using var budget = new SupplierGate(new SupplierGateSettings(60, TimeSpan.FromSeconds(60), 0.5, TimeSpan.FromHours(1)), clock);
        var granted = new List<DateTimeOffset>();
        var callers = Enumerable.Range(0, 100).Select(_ => Task.Run(async () =>
        {
            Assert.True(await budget.AcquireAsync(false, CancellationToken.None));
            lock (granted)
            {
                granted.Add(clock.GetUtcNow());
            }
        })).ToArray();
        await Task.Run(() => SpinWait.SpinUntil(() => callers.Count(c => c.IsCompleted) + budget.Waiting == 100, TimeSpan.FromSeconds(15)));

        Assert.Equal(60, callers.Count(c => c.IsCompleted));
        Assert.Equal(40, budget.Waiting);
        clock.Advance(TimeSpan.FromSeconds(61));
        await Task.WhenAll(callers);

        Assert.Equal(100, granted.Count);
        Assert.All(granted, g => Assert.True(granted.Count(o => o > g - TimeSpan.FromSeconds(60) && o <= g) <= 60));
    }
}
