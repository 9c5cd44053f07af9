using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace OrderBot.TestKit.Protocol;

/// <summary>One request the fake Connector received; <see cref="RawTarget"/> keeps the percent-encoding.</summary>
public sealed record RecordedRequest(string Method, string RawTarget, IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset ReceivedAt)
{
    public string? Authorization => Headers.TryGetValue("Authorization", out var value) ? value : null;

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

/// <summary>A canned failure the fake answers with instead of success.</summary>
public sealed record ConnectorFault(int StatusCode, string? ErrorCode = null, string? RetryAfter = null);

/// <summary>
/// A recording Bot Connector on 127.0.0.1:0. Every request is recorded (method, raw path, headers, body, time of
/// the injected <see cref="TimeProvider"/>). Faults queued with <see cref="EnqueueFault"/> answer the next requests.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<ConnectorFault> _faults = new();
    private readonly SemaphoreSlim _arrivals = new(0);
    private long _nextId = 1760000000000;

    private FakeConnector(WebApplication app, Uri baseAddress, TimeProvider time)
    {
        _app = app;
        BaseAddress = baseAddress;
        _time = time;
    }

    /// <summary>The serviceUrl to put on test activities (ends with '/').</summary>
    public Uri BaseAddress { get; }

    public string ServiceUrl => BaseAddress.AbsoluteUri;

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>Answer to <c>POST v3/conversations</c>; default creates <c>a:created-{n}</c>.</summary>
    public Func<JsonElement, object> CreateConversationResponse { get; set; } = _ => new { id = "a:created-1" };

    /// <summary>When false, requests are recorded but not counted for <see cref="WaitForRequestsAsync"/>: handy in benches.</summary>
    public bool SignalArrivals { get; set; } = true;

    public static async Task<FakeConnector> StartAsync(TimeProvider? time = null)
    {
        FakeConnector? connector = null;
        var (app, address) = await LoopbackServer.StartAsync(a => a.Run(c => connector!.HandleAsync(c)));
        connector = new FakeConnector(app, address, time ?? TimeProvider.System);
        return connector;
    }

    public void EnqueueFault(ConnectorFault fault, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            _faults.Enqueue(fault);
        }
    }

    /// <summary>Waits (event-driven) until at least <paramref name="count"/> requests arrived in total; false on timeout.</summary>
    public async Task<bool> WaitForRequestsAsync(int count, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        try
        {
            while (_requests.Count < count)
            {
                await _arrivals.WaitAsync(cts.Token);
            }

            return true;
        }
        catch (OperationCanceledException)
        {
            return _requests.Count >= count;
        }
    }

    public void Clear() => _requests.Clear();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _arrivals.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? string.Empty;
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var fault = _faults.TryDequeue(out var f) ? f : null;
        (int Status, string? Json)? response = fault is null ? Success(context.Request.Method, raw, body) : null;

        // Record before answering so a test awaiting arrivals sees the request in order.
        _requests.Enqueue(new RecordedRequest(context.Request.Method, raw, headers, body, _time.GetUtcNow()));
        if (SignalArrivals)
        {
            _arrivals.Release();
        }

        if (fault is not null)
        {
            context.Response.StatusCode = fault.StatusCode;
            if (fault.RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = fault.RetryAfter;
            }

            context.Response.Headers["X-Correlating-OperationId"] = "op-" + fault.StatusCode;
            var error = JsonSerializer.Serialize(new { error = new { code = fault.ErrorCode ?? "Fault", message = "injected fault" } });
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(error);
            return;
        }

        context.Response.StatusCode = response!.Value.Status;
        if (response.Value.Json is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(response.Value.Json);
        }
    }

    private (int Status, string? Json) Success(string method, string raw, string body)
    {
        var path = raw.Split('?')[0];
        if (method == "POST" && path.EndsWith("/v3/conversations", StringComparison.Ordinal))
        {
            return (201, JsonSerializer.Serialize(CreateConversationResponse(JsonDocument.Parse(body).RootElement)));
        }

        if (method == "DELETE")
        {
            return (200, null);
        }

        var id = Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return (200, JsonSerializer.Serialize(new { id }));
    }
}
