using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using OrderBot.Suppliers.Model;
using OrderBot.Suppliers.Telemetry;
using OrderBot.Suppliers.Tests.Ingram;

namespace OrderBot.Suppliers.Tests.Telemetry;

/// <summary>The real Ingram supplier against the sandbox: what operators see in spans and metrics.</summary>
public sealed class SupplierTelemetryTests : IDisposable
{
    private static readonly SupplierScope Uk = new() { Country = "UK" };

    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ActivityListener _listener;
    private readonly Activity _root;

    public SupplierTelemetryTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SupplierTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);

        // Listeners are process-wide: this test's spans are the ones under its own root.
        _root = new Activity("test").Start();
    }

    [Fact]
    public async Task FindByPoAsync_Found_RecordsOkSpanAndDuration()
    {
        await using var harness = await IngramHarness.StartAsync();
        using var duration = Collector<double>(harness, SupplierMetrics.DurationName);
        using var errors = Collector<long>(harness, SupplierMetrics.ErrorsName);

        var result = await harness.Supplier.FindByPoAsync("CUSTPO", Uk);

        Assert.True(result.Succeeded);
        var span = Assert.Single(MySpans());
        Assert.Equal("supplier find_by_po", span.DisplayName);
        Assert.Equal(_root.SpanId, span.ParentSpanId);
        Assert.Equal("ingram", span.GetTagItem(SupplierTelemetry.SupplierTag));
        Assert.Equal("ok", span.GetTagItem(SupplierTelemetry.OutcomeTag));
        Assert.Equal(3, span.GetTagItem(SupplierTelemetry.OrdersTag));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);

        var measured = Assert.Single(duration.GetMeasurementSnapshot());
        Assert.True(measured.Value >= 0);
        Assert.Equal("ingram", measured.Tags[SupplierTelemetry.SupplierTag]);
        Assert.Equal("find_by_po", measured.Tags[SupplierTelemetry.OperationTag]);
        Assert.Equal("ok", measured.Tags[SupplierTelemetry.OutcomeTag]);
        Assert.Equal(false, measured.Tags[SupplierTelemetry.BackgroundTag]);
        Assert.Empty(errors.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task FindByPoAsync_ServerErrorsBeyondRetries_CountsRetriesAndError()
    {
        await using var harness = await IngramHarness.StartAsync(client: o => o.MaxRetries = 2);
        using var retries = Collector<long>(harness, SupplierMetrics.RetriesName);
        using var errors = Collector<long>(harness, SupplierMetrics.ErrorsName);
        harness.Sandbox.Faults.FailNext(10, 502);

        var result = await harness.Supplier.SearchAsync(new OrderSearch { Status = OrderStatus.OnHold }, Uk with { Background = true });

        Assert.Equal(SupplierProblemKind.ServerError, result.Problem?.Kind);
        var retried = retries.GetMeasurementSnapshot();
        Assert.Equal(2, retried.Count);
        Assert.All(retried, m => Assert.Equal("502", m.Tags[SupplierTelemetry.ReasonTag]));
        Assert.All(retried, m => Assert.Equal("ingram", m.Tags[SupplierTelemetry.SupplierTag]));
        var error = Assert.Single(errors.GetMeasurementSnapshot());
        Assert.Equal("server_error", error.Tags[SupplierTelemetry.OutcomeTag]);
        Assert.Equal("search", error.Tags[SupplierTelemetry.OperationTag]);
        Assert.Equal(true, error.Tags[SupplierTelemetry.BackgroundTag]);
        var span = Assert.Single(MySpans());
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("server_error", span.GetTagItem("error.type"));
    }

    [Fact]
    public async Task Circuit_OpensHalfOpensAndCloses_ReportedToStateAndMetrics()
    {
        await using var harness = await IngramHarness.StartAsync(client: o =>
        {
            o.MaxRetries = 0;
            o.CircuitBreakerMinimumThroughput = 3;
            o.CircuitBreakerBreakDuration = TimeSpan.FromSeconds(30);
        });
        var circuits = harness.Services.GetRequiredService<SupplierCircuits>();
        using var state = Collector<int>(harness, SupplierMetrics.CircuitStateName);
        using var transitions = Collector<long>(harness, SupplierMetrics.CircuitTransitionsName);
        harness.Sandbox.Faults.FailNext(100, 503);

        Assert.Equal(SupplierCircuitState.Closed, circuits.Get(SupplierId.Ingram).State);
        SupplierProblemKind? last = null;
        for (var i = 0; i < 5 && last != SupplierProblemKind.CircuitOpen; i++)
        {
            last = (await harness.Supplier.FindByPoAsync("CUSTPO", Uk)).Problem?.Kind;
        }

        Assert.Equal(SupplierProblemKind.CircuitOpen, last);
        var open = circuits.Get(SupplierId.Ingram);
        Assert.Equal(SupplierCircuitState.Open, open.State);
        Assert.Equal(IngramHarness.Noon.AddSeconds(30), open.OpenUntil);
        state.RecordObservableInstruments();
        Assert.Equal((int)SupplierCircuitState.Open, state.LastMeasurement!.Value);
        Assert.Equal("ingram", state.LastMeasurement.Tags[SupplierTelemetry.SupplierTag]);

        harness.FakeClock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(SupplierCircuitState.HalfOpen, circuits.Get(SupplierId.Ingram).State);

        harness.Sandbox.Faults.Clear();
        var healed = await harness.Supplier.FindByPoAsync("CUSTPO", Uk);

        Assert.True(healed.Succeeded, healed.Problem?.Message);
        Assert.Equal(SupplierCircuitState.Closed, circuits.Get(SupplierId.Ingram).State);
        Assert.Equal(
            ["open", "half_open", "closed"],
            transitions.GetMeasurementSnapshot().Select(m => (string)m.Tags[SupplierTelemetry.StateTag]!));
        state.RecordObservableInstruments();
        Assert.Equal((int)SupplierCircuitState.Closed, state.LastMeasurement!.Value);
    }

    [Fact]
    public async Task RateLimitGauges_AfterCalls_ReportWindowLeft()
    {
        await using var harness = await IngramHarness.StartAsync(client: o =>
        {
            o.RateLimitCalls = 10;
            o.BackgroundShare = 0.5;
        });
        using var remaining = Collector<long>(harness, SupplierMetrics.RateLimitRemainingName);
        using var waiting = Collector<long>(harness, SupplierMetrics.RateLimitWaitingName);

        await harness.Supplier.FindByPoAsync("CUSTPO", Uk);
        await harness.Supplier.SearchAsync(new OrderSearch { Status = OrderStatus.OnHold }, Uk with { Background = true });
        remaining.RecordObservableInstruments();
        waiting.RecordObservableInstruments();

        var byBudget = remaining.GetMeasurementSnapshot()
            .Where(m => (string?)m.Tags[SupplierTelemetry.SupplierTag] == "ingram")
            .ToDictionary(m => (string)m.Tags[SupplierTelemetry.BudgetTag]!, m => m.Value);
        Assert.Equal(8, byBudget["all"]);
        Assert.Equal(4, byBudget["background"]);
        Assert.Equal(0, waiting.LastMeasurement!.Value);
    }

    [Fact]
    public async Task Circuits_BeforeAnyCall_ListTheRegisteredSupplierClosed()
    {
        await using var harness = await IngramHarness.StartAsync();

        var circuits = harness.Services.GetRequiredService<SupplierCircuits>();

        var only = Assert.Single(circuits.All);
        Assert.Equal(new SupplierCircuitStatus(SupplierId.Ingram, SupplierCircuitState.Closed, null), only);
    }

    public void Dispose()
    {
        _root.Stop();
        _listener.Dispose();
    }

    private static MetricCollector<T> Collector<T>(IngramHarness harness, string instrument)
        where T : struct =>
        new(harness.Services.GetRequiredService<IMeterFactory>(), SupplierTelemetry.Name, instrument, harness.Clock);

    private List<Activity> MySpans() => [.. _spans.Where(s => s.TraceId == _root.TraceId)];
}
