using OrderBot.Suppliers.Model;

namespace OrderBot.Suppliers.Tests.Ingram;

public sealed class IngramFailureTests
{
    private static readonly SupplierScope Uk = new() { Country = "UK" };

    [Theory]
    [InlineData(400, SupplierProblemKind.InvalidRequest)]
    [InlineData(403, SupplierProblemKind.Forbidden)]
    [InlineData(404, SupplierProblemKind.InvalidRequest)]
    public async Task FindByPoAsync_ClientError_MapsWithoutRetry(int status, SupplierProblemKind expected)
    {
        await using var harness = await IngramHarness.StartAsync();
        harness.Sandbox.Faults.FailNext(1, status);

        var result = await harness.Supplier.FindByPoAsync("CUSTPO", Uk);

        Assert.Equal(expected, result.Problem?.Kind);
        Assert.Equal(1, harness.Sandbox.State.ApiCalls);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task FindByPoAsync_TransientServerErrors_RetriedThenSucceeds(int status)
    {
        await using var harness = await IngramHarness.StartAsync();
        harness.Sandbox.Faults.FailNext(2, status);

        var result = await harness.Supplier.FindByPoAsync("CUSTPO", Uk);

        Assert.True(result.Succeeded, result.Problem?.Message);
        Assert.Equal(3, result.Orders.Count);
        Assert.Equal(3, harness.Sandbox.State.ApiCalls);
    }

    [Fact]
    public async Task FindByPoAsync_ServerErrorsBeyondRetries_IsServerError()
    {
        await using var harness = await IngramHarness.StartAsync(client: o => o.MaxRetries = 2);
        harness.Sandbox.Faults.FailNext(10, 500);

        var result = await harness.Supplier.FindByPoAsync("CUSTPO", Uk);

        Assert.Equal(SupplierProblemKind.ServerError, result.Problem?.Kind);
        Assert.Equal(3, harness.Sandbox.State.ApiCalls);
        Assert.Contains("HTTP 500", result.Problem!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindByPoAsync_TooManyRequests_IsRateLimitedWithAvailableAt()
    {
        await using var harness = await IngramHarness.StartAsync();
        harness.Sandbox.Faults.TooManyRequestsNext();

        var result = await harness.Supplier.FindByPoAsync("CUSTPO", Uk);

        Assert.Equal(SupplierProblemKind.RateLimited, result.Problem?.Kind);
        Assert.Equal(IngramHarness.Noon.AddSeconds(60), result.Problem!.AvailableAt);
        Assert.Equal(1, harness.Sandbox.State.ApiCalls);
    }

    [Fact]
    public async Task FindByPoAsync_AfterTooManyRequests_NextCallWaitsForReset()
    {
        await using var harness = await IngramHarness.StartAsync(client: LongWaits);
        harness.Sandbox.Faults.TooManyRequestsNext();
        await harness.Supplier.FindByPoAsync("CUSTPO", Uk);

        var next = harness.Supplier.FindByPoAsync("CUSTPO", Uk);
        Assert.False(next.IsCompleted);
        Assert.Equal(1, harness.Sandbox.State.ApiCalls);
        harness.FakeClock.Advance(TimeSpan.FromSeconds(61));
        var result = await next;

        Assert.True(result.Succeeded, result.Problem?.Message);
    }

    [Fact]
    public async Task FindByPoAsync_AfterTooManyRequestsWaitBeyondMaxWait_IsRateLimitedUntilReset()
    {
        await using var harness = await IngramHarness.StartAsync();
        harness.Sandbox.Faults.TooManyRequestsNext();
        await harness.Supplier.FindByPoAsync("CUSTPO", Uk);

        var next = harness.Supplier.FindByPoAsync("CUSTPO", Uk);
        harness.FakeClock.Advance(TimeSpan.FromSeconds(21));
        var result = await next;

        Assert.Equal(SupplierProblemKind.RateLimited, result.Problem?.Kind);
        Assert.Equal(IngramHarness.Noon.AddSeconds(60), result.Problem!.AvailableAt);
        Assert.Equal(1, harness.Sandbox.State.ApiCalls);
    }

    [Fact]
    public async Task FindByPoAsync_MalformedBody_IsMalformedResponse()
    {
        await using var harness = await IngramHarness.StartAsync();
        harness.Sandbox.Faults.MalformedNext();

        var result = await harness.Supplier.FindByPoAsync("CUSTPO", Uk);

        Assert.Equal(SupplierProblemKind.MalformedResponse, result.Problem?.Kind);
    }

    [Fact]
    public async Task FindByPoAsync_TruncatedBody_IsMalformedResponse()
    {
        await using var harness = await IngramHarness.StartAsync();
        harness.Sandbox.Faults.TruncatedNext();

        var result = await harness.Supplier.FindByPoAsync("CUSTPO", Uk);

        Assert.Equal(SupplierProblemKind.MalformedResponse, result.Problem?.Kind);
    }

    [Fact]
    public async Task FindByPoAsync_ServerOutsideWindow_IsServerError()
    {
        await using var harness = await IngramHarness.StartAsync(client: o => o.MaxRetries = 1);
        harness.Sandbox.Faults.ForceOutsideWindow = true;

        var result = await harness.Supplier.FindByPoAsync("CUSTPO", Uk);

        Assert.Equal(SupplierProblemKind.ServerError, result.Problem?.Kind);
    }

    [Fact]
    public async Task FindByPoAsync_OutsideUkWindow_DoesNotCallAndSaysWhen()
    {
        await using var harness = await IngramHarness.StartAsync();
        harness.FakeClock.SetUtcNow(new DateTimeOffset(2026, 11, 19, 3, 0, 0, TimeSpan.Zero));

        var result = await harness.Supplier.FindByPoAsync("CUSTPO", Uk);

        Assert.Equal(SupplierProblemKind.OutsideAvailabilityWindow, result.Problem?.Kind);
        Assert.Equal("Ingram Micro GB is unavailable until 06:00 (GB time)", result.Problem!.Message);
        Assert.Equal(new DateTimeOffset(2026, 11, 19, 6, 0, 0, TimeSpan.Zero), result.Problem.AvailableAt);
        Assert.Equal(0, harness.Sandbox.State.ApiCalls);
    }

    [Fact]
    public async Task FindByPoAsync_RepeatedFailures_OpensCircuit()
    {
        await using var harness = await IngramHarness.StartAsync(client: o =>
        {
            o.MaxRetries = 0;
            o.CircuitBreakerMinimumThroughput = 3;
            o.CircuitBreakerFailureRatio = 0.5;
        });
        harness.Sandbox.Faults.FailNext(100, 503);

        var kinds = new List<SupplierProblemKind?>();
        for (var i = 0; i < 5; i++)
        {
            kinds.Add((await harness.Supplier.FindByPoAsync("CUSTPO", Uk)).Problem?.Kind);
        }

        Assert.Equal(SupplierProblemKind.ServerError, kinds[0]);
        Assert.Equal(SupplierProblemKind.CircuitOpen, kinds[^1]);
        Assert.True(harness.Sandbox.State.ApiCalls < 5);
    }

    [Fact]
    public async Task FindByPoAsync_SlowServer_IsTimeout()
    {
        // The sandbox's latency and the client's attempt timeout run on the same fake clock: nothing waits for real.
        await using var harness = await IngramHarness.StartAsync(
            sandbox: s => s.Latency = TimeSpan.FromSeconds(5),
            client: o =>
            {
                o.AttemptTimeout = TimeSpan.FromMilliseconds(200);
                o.TotalTimeout = TimeSpan.FromSeconds(2);
                o.MaxRetries = 0;
            });

        var call = harness.Supplier.FindByPoAsync("CUSTPO", Uk);
        await IngramHarness.UntilAsync(() => harness.Sandbox.State.ApiCalls == 1, () => "the request reached the sandbox");
        harness.FakeClock.Advance(TimeSpan.FromSeconds(1));
        var result = await call;

        Assert.Equal(SupplierProblemKind.Timeout, result.Problem?.Kind);
    }

    [Fact]
    public async Task FindByPoAsync_NothingListening_IsNetworkError()
    {
        await using var harness = await IngramHarness.StartAsync(client: o => o.BaseUrl = new Uri("http://127.0.0.1:9"));

        var result = await harness.Supplier.FindByPoAsync("CUSTPO", Uk);

        Assert.Equal(SupplierProblemKind.NetworkError, result.Problem?.Kind);
    }

    /// <summary>Queueing longer than the defaults (20 s budget wait, 30 s total) for tests that move the clock a minute.</summary>
    internal static void LongWaits(OrderBot.Suppliers.Ingram.IngramOptions options)
    {
        options.RateLimitMaxWait = TimeSpan.FromMinutes(5);
        options.TotalTimeout = TimeSpan.FromMinutes(5);
    }
}
