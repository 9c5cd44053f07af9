using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrderBot.Suppliers;
using OrderBot.Suppliers.Model;
using OrderBot.TestKit.Protocol;
using OrderBot.TestKit.Telemetry;

namespace OrderBot.Tests.Hosting;

/// <summary>Readiness and OpenTelemetry export of the composed app, on real loopback HTTP.</summary>
public sealed class OperabilityTests
{
    [Fact]
    public async Task Readyz_DefaultStart_ListsBothSupplierCircuitsClosed()
    {
        await using var host = await AppHost.StartAsync("--Alerts:Enabled=false");

        var ready = await host.Client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("suppliers").GetString());
        var circuits = body.RootElement.GetProperty("circuits");
        Assert.Equal("closed", circuits.GetProperty("schneider").GetString());
        Assert.Equal("closed", circuits.GetProperty("ingram").GetString());
    }

    [Fact]
    public async Task Readyz_SchneiderUnreachableUntilCircuitOpens_DegradedButStillReady()
    {
        await using var host = await AppHost.StartAsync(
            "--Alerts:Enabled=false",
            "--Suppliers:Schneider:BaseUrl=http://127.0.0.1:9/",
            "--Suppliers:Schneider:ApiKey=test-key",
            "--Suppliers:Schneider:DefaultCountry=FR",
            "--Suppliers:Schneider:MaxRetries=4",
            "--Suppliers:Schneider:RetryBaseDelay=00:00:00.001");
        var lookup = host.App.Services.GetRequiredService<OrderLookup>();

        SupplierProblemKind? last = null;
        for (var i = 0; i < 6 && last != SupplierProblemKind.CircuitOpen; i++)
        {
            var answer = await lookup.GetOrderAsync("0100222222", new SupplierScope { Country = "FR" }, SupplierId.Schneider);
            last = Assert.Single(answer.Results).Problem?.Kind;
        }

        Assert.Equal(SupplierProblemKind.CircuitOpen, last);
        var ready = await host.Client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Degraded", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("store").GetString());
        Assert.StartsWith("open until ", body.RootElement.GetProperty("circuits").GetProperty("schneider").GetString(), StringComparison.Ordinal);
        Assert.Equal("closed", body.RootElement.GetProperty("circuits").GetProperty("ingram").GetString());
    }

    [Fact]
    public async Task Otlp_EndpointSet_ExportsTurnTracesMetricsAndLogsOverHttp()
    {
        await using var collector = await FakeOtlpCollector.StartAsync();
        await using var connector = await FakeConnector.StartAsync();
        var host = await AppHost.StartAsync(
            "--Alerts:Enabled=false",
            "--Logging:LogLevel:Default=Debug",
            $"--Telemetry:OtlpEndpoint={collector.BaseAddress}",
            "--Telemetry:OtlpProtocol=HttpProtobuf",
            "--Telemetry:ServiceName=orderbot-otlp-test");
        await using (host)
        {
            Assert.Equal(HttpStatusCode.OK, await AskAsync(host, connector, "conv-otlp", "m-otlp"));
            Assert.True(await connector.WaitForRequestsAsync(1, TimeSpan.FromSeconds(20)));
        }

        // Stopping the host flushed every signal to the collector.
        var traces = collector.Received("traces");
        Assert.Contains("orderbot-otlp-test", traces, StringComparison.Ordinal);
        Assert.Contains("turn message", traces, StringComparison.Ordinal);
        Assert.Contains("supplier find_by_po", traces, StringComparison.Ordinal);
        Assert.Contains("connector reply", traces, StringComparison.Ordinal);
        Assert.Contains("OrderBot.Suppliers", traces, StringComparison.Ordinal);
        var metrics = collector.Received("metrics");
        Assert.Contains("orderbot.turns", metrics, StringComparison.Ordinal);
        Assert.Contains("orderbot.supplier.duration", metrics, StringComparison.Ordinal);
        Assert.Contains("orderbot.supplier.circuit.state", metrics, StringComparison.Ordinal);
        Assert.Contains("orderbot.supplier.ratelimit.remaining", metrics, StringComparison.Ordinal);
        // Log records carry the turn's scope as attributes, next to their trace and span ids.
        var logs = collector.Received("logs");
        Assert.Contains("CorrelationId", logs, StringComparison.Ordinal);
        Assert.Contains("conv-otlp", logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trace_PoQuestion_NestsRecognizerAnswerSuppliersAndReplyUnderTheTurn()
    {
        using var spans = new SpanRecorder();
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await AppHost.StartAsync("--Alerts:Enabled=false");
        var activityId = "m-trace-" + Guid.NewGuid().ToString("N");

        Assert.Equal(HttpStatusCode.OK, await AskAsync(host, connector, "conv-trace", activityId));
        Assert.True(await connector.WaitForRequestsAsync(1, TimeSpan.FromSeconds(20)));

        var turn = Assert.Single(spans.WithTag("orderbot.activity_id", activityId));
        var trace = spans.InTrace(turn.TraceId);
        var bySpan = trace.ToDictionary(s => s.SpanId);
        bool Under(System.Diagnostics.Activity span, System.Diagnostics.Activity ancestor)
        {
            for (var at = span; bySpan.TryGetValue(at.ParentSpanId, out var parent); at = parent)
            {
                if (parent.SpanId == ancestor.SpanId)
                {
                    return true;
                }
            }

            return false;
        }

        Assert.Equal("turn message", turn.DisplayName);
        Assert.Equal("handled", turn.GetTagItem("orderbot.outcome"));
        Assert.True(Under(Assert.Single(trace, s => s.DisplayName == "recognize"), turn));
        var answer = Assert.Single(trace, s => s.DisplayName == "answer order.status");
        Assert.True(Under(answer, turn));
        var suppliers = trace.Where(s => s.DisplayName == "supplier find_by_po").ToList();
        Assert.Equal(["ingram", "schneider"], suppliers.Select(s => (string)s.GetTagItem("orderbot.supplier")!).Order());
        Assert.All(suppliers, s => Assert.True(Under(s, answer), $"{s.DisplayName} is not under the answer span"));
        var connectorCalls = trace.Where(s => s.DisplayName.StartsWith("connector ", StringComparison.Ordinal)).ToList();
        Assert.Contains(connectorCalls, s => s.DisplayName == "connector reply");
        Assert.All(connectorCalls, s => Assert.True(Under(s, turn), $"{s.DisplayName} is not under the turn span"));
    }

    [Fact]
    public async Task Start_OtlpEndpointNotAUrl_FailsNamingTheSetting()
    {
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => AppHost.StartAsync("--Telemetry:OtlpEndpoint=collector:4317"));

        Assert.Contains("Telemetry:OtlpEndpoint", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Posts "where is PO 201120/1" as an Emulator-shaped message whose replies go to <paramref name="connector"/>.</summary>
    private static async Task<HttpStatusCode> AskAsync(AppHost host, FakeConnector connector, string conversation, string activityId)
    {
        var message = $$"""
            {"type":"message","id":"{{activityId}}","channelId":"emulator","serviceUrl":"{{connector.ServiceUrl}}",
             "from":{"id":"user-1","name":"Dana"},"recipient":{"id":"bot-1","name":"OrderBot"},
             "conversation":{"id":"{{conversation}}"},"text":"where is PO 201120/1","locale":"en-US"}
            """;
        using var content = new StringContent(message, Encoding.UTF8, "application/json");
        using var response = await host.Client.PostAsync("/api/messages", content);
        return response.StatusCode;
    }
}
