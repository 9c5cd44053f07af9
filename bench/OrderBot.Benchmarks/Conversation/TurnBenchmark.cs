using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OrderBot.Features.Conversation;
using OrderBot.Hosting;
using OrderBot.Protocol.Hosting;
using OrderBot.Protocol.Routing;
using OrderBot.Protocol.Schema;
using OrderBot.Sandbox.Ingram;
using OrderBot.Sandbox.Schneider;
using OrderBot.State;
using OrderBot.Suppliers;
using OrderBot.Suppliers.Ingram;
using OrderBot.Suppliers.Model;
using OrderBot.Suppliers.Schneider;
using OrderBot.TestKit.Protocol;

namespace OrderBot.Benchmarks.Conversation;

/// <summary>
/// A full "where is PO 201120/1" turn, in-process through the real pipeline and conversation, against both sandboxes
/// on loopback at zero latency, with the real SQLite store. Each supplier call is timed; the turn's own cost is the
/// turn's wall time minus the span during which suppliers were being asked (they run in parallel).
/// Args: [--turns N] [--telemetry] — with --telemetry every OrderBot span is recorded and every OrderBot instrument
/// observed, as an OpenTelemetry SDK would (without the export), to show what switching telemetry on costs a turn.
/// </summary>
public sealed class TurnBenchmark : IBenchmarkSuite
{
    public string Name => "turn";

    public string Description => "full 'where is PO 201120/1' turn over both sandboxes: time the turn adds on top of supplier time, p50/p99";

    public async Task RunAsync(string[] args)
    {
        var turns = args.SkipWhile(a => a != "--turns").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(500);
        using var telemetry = args.Contains("--telemetry") ? new TelemetryListeners() : null;
        var root = Path.Combine(Path.GetTempPath(), "orderbot-turn-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        await using var schneider = await SchneiderSandboxServer.StartAsync(new SchneiderSandboxOptions(), TimeProvider.System);
        await using var ingram = await IngramSandboxServer.StartAsync(
            new IngramSandboxOptions { ClientId = "bench", ClientSecret = "bench", EnforceAvailability = false, RateLimitCalls = 1_000_000 },
            TimeProvider.System);
        var span = new SupplierSpan();
        using var host = await StartHostAsync(root, schneider, ingram, span);
        var adapter = new TestAdapter(host.Services.GetRequiredService<ActivityRouter>(), metrics: host.Services.GetRequiredService<OrderBot.Protocol.Telemetry.ProtocolMetrics>());

        for (var i = 0; i < 20; i++)
        {
            await RunTurnAsync(adapter, span);
        }

        var overhead = new double[turns];
        var total = new double[turns];
        for (var i = 0; i < turns; i++)
        {
            (total[i], overhead[i]) = await RunTurnAsync(adapter, span);
        }

        Array.Sort(overhead);
        Array.Sort(total);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"turns                   {turns} (PO at both suppliers, PO summary card; {Environment.ProcessorCount} cores; telemetry {(telemetry is null ? "off" : "on")})"));
        if (telemetry is not null)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"per turn                {telemetry.Spans / (double)(turns + 20):F1} spans, {telemetry.Measurements / (double)(turns + 20):F1} measurements"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"turn total p50 / p99    {P(total, 0.50):F2} / {P(total, 0.99):F2} ms (includes loopback supplier calls)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"turn overhead p50       {P(overhead, 0.50):F2} ms (turn minus supplier span)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"turn overhead p99       {P(overhead, 0.99):F2} ms   (target < 5)"));

        await host.StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(root, recursive: true);
    }

    private static async Task<(double Total, double Overhead)> RunTurnAsync(TestAdapter adapter, SupplierSpan span)
    {
        span.Reset();
        var start = Stopwatch.GetTimestamp();
        await adapter.ProcessAsync(adapter.MakeMessage("where is PO 201120/1"));
        var totalMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        while (adapter.TakeReply() is { } reply)
        {
            if (reply.IsType(ActivityTypes.Message) && reply.Attachments is not { Count: 1 })
            {
                throw new InvalidOperationException("The turn did not answer with a card: " + reply.Text);
            }
        }

        return (totalMs, totalMs - span.Milliseconds);
    }

    private static async Task<IHost> StartHostAsync(string root, SchneiderSandboxServer schneider, IngramSandboxServer ingram, SupplierSpan span)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = root });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Sqlite:Path"] = Path.Combine(root, "state.db"),
            ["Suppliers:Schneider:BaseUrl"] = schneider.BaseUrl.ToString(),
            ["Suppliers:Schneider:ApiKey"] = schneider.Options.ApiKey,
            ["Suppliers:Schneider:DefaultCountry"] = "FR",
            ["Suppliers:Ingram:BaseUrl"] = ingram.BaseUrl.ToString(),
            ["Suppliers:Ingram:ClientId"] = "bench",
            ["Suppliers:Ingram:ClientSecret"] = "bench",
            ["Suppliers:Ingram:CustomerNumber"] = "20-123456",
            ["Suppliers:Ingram:EnforceAvailability"] = "false",
            ["Suppliers:Ingram:RateLimitCalls"] = "1000000",
        });
        builder.AddOrderBotState();
        builder.AddSchneiderSupplier();
        builder.AddIngramSupplier();
        builder.Services.AddSingleton(sp => new OrderLookup(
            sp.GetServices<IOrderSupplier>().Select(s => new TimedSupplier(s, span)),
            NullLogger<OrderLookup>.Instance));
        builder.AddBotProtocol();
        builder.Services.AddSingleton<OrderBot.Protocol.Routing.IConversationReferenceStore>(new InMemoryConversationReferenceStore(TimeProvider.System));
        builder.AddConversation();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static double P(double[] sorted, double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <summary>The wall-clock span from the first supplier call starting to the last one ending, for one turn.</summary>
    private sealed class SupplierSpan
    {
        private long _first = long.MaxValue;
        private long _last;

        public double Milliseconds => _last == 0 ? 0 : Stopwatch.GetElapsedTime(_first, _last).TotalMilliseconds;

        public void Reset()
        {
            _first = long.MaxValue;
            _last = 0;
        }

        public void Record(long start, long end)
        {
            lock (this)
            {
                _first = Math.Min(_first, start);
                _last = Math.Max(_last, end);
            }
        }
    }

    private sealed class TimedSupplier(IOrderSupplier inner, SupplierSpan span) : IOrderSupplier
    {
        public SupplierId Id => inner.Id;

        public Task<SupplierResult> FindByPoAsync(string po, SupplierScope scope, CancellationToken cancellationToken = default) =>
            TimeAsync(() => inner.FindByPoAsync(po, scope, cancellationToken));

        public Task<SupplierResult> GetOrderAsync(string orderNumber, SupplierScope scope, CancellationToken cancellationToken = default) =>
            TimeAsync(() => inner.GetOrderAsync(orderNumber, scope, cancellationToken));

        public Task<SupplierResult> GetOrderWithShipmentsAsync(string orderNumber, SupplierScope scope, CancellationToken cancellationToken = default) =>
            TimeAsync(() => inner.GetOrderWithShipmentsAsync(orderNumber, scope, cancellationToken));

        public Task<SupplierResult> SearchAsync(OrderSearch search, SupplierScope scope, CancellationToken cancellationToken = default) =>
            TimeAsync(() => inner.SearchAsync(search, scope, cancellationToken));

        private async Task<SupplierResult> TimeAsync(Func<Task<SupplierResult>> call)
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                return await call();
            }
            finally
            {
                span.Record(start, Stopwatch.GetTimestamp());
            }
        }
    }
}

/// <summary>Records OrderBot spans and observes OrderBot instruments in-process, the way an SDK subscribes.</summary>
internal sealed class TelemetryListeners : IDisposable
{
    private readonly ActivityListener _spans;
    private readonly System.Diagnostics.Metrics.MeterListener _meters = new();
    private long _spanCount;
    private long _measurements;

    public TelemetryListeners()
    {
        _spans = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("OrderBot.", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _ => Interlocked.Increment(ref _spanCount),
        };
        ActivitySource.AddActivityListener(_spans);
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name.StartsWith("OrderBot.", StringComparison.Ordinal))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<long>((_, _, _, _) => Interlocked.Increment(ref _measurements));
        _meters.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref _measurements));
        _meters.SetMeasurementEventCallback<int>((_, _, _, _) => Interlocked.Increment(ref _measurements));
        _meters.Start();
    }

    public long Spans => Interlocked.Read(ref _spanCount);

    public long Measurements => Interlocked.Read(ref _measurements);

    public void Dispose()
    {
        _spans.Dispose();
        _meters.Dispose();
    }
}

