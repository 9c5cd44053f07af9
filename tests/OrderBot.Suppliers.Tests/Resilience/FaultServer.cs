using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OrderBot.Suppliers.Ingram;
using OrderBot.Suppliers.Schneider;

namespace OrderBot.Suppliers.Tests.Resilience;

/// <summary>
/// A misbehaving supplier on 127.0.0.1:0 (real Kestrel, real sockets): each supplier's API path runs the behaviour
/// the test sets — drip, stall mid-body, huge body, 429, 503, hang. Ingram's token endpoint always answers.
/// </summary>
internal sealed class FaultServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();
    private int _schneiderRequests;
    private int _ingramRequests;

    private FaultServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public Func<HttpContext, Task> Schneider { get; set; } = context => Json(context, "{}");

    public Func<HttpContext, Task> Ingram { get; set; } = context => Json(context, NoData);

    /// <summary>Completes when a supplier request's first body bytes are flushed (or the request arrived, for hangs).</summary>
    public TaskCompletionSource Reached { get; private set; } = NewSignal();

    public int SchneiderRequests => Volatile.Read(ref _schneiderRequests);

    public int IngramRequests => Volatile.Read(ref _ingramRequests);

    /// <summary>Ended when the server stops: a hanging behaviour awaits it rather than any clock.</summary>
    public CancellationToken Stopping => _stopping.Token;

    public const string NoData = """{"serviceresponse":{"responsepreamble":{"requeststatus":"FAILED","returnmessage":"No data found"}}}""";

    public static async Task<FaultServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        FaultServer? server = null;
        app.MapPost("/oauth/oauth30/token", (HttpContext c) => Json(c, """{"access_token":"t","token_type":"Bearer","expires_in":"86399"}"""));
        app.Map("/v1/{**rest}", (HttpContext c) =>
        {
            Interlocked.Increment(ref server!._schneiderRequests);
            return server.Schneider(c);
        });
        app.Map("/resellers/v5/{**rest}", (HttpContext c) =>
        {
            Interlocked.Increment(ref server!._ingramRequests);
            return server.Ingram(c);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new FaultServer(app, new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal) + "/"));
        return server;
    }

    public void ResetSignal() => Reached = NewSignal();

    public static Task Json(HttpContext context, string body, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body);
    }

    /// <summary>200, then one byte every 20 ms for as long as the client keeps reading.</summary>
    public Func<HttpContext, Task> Drip() => async context =>
    {
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("{");
        await context.Response.Body.FlushAsync();
        Reached.TrySetResult();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, Stopping);
        try
        {
            while (!linked.IsCancellationRequested)
            {
                // Real time on the server side only: the client's timeouts run on the test's fake clock.
                await Task.Delay(20, linked.Token);
                await context.Response.WriteAsync(" ", linked.Token);
                await context.Response.Body.FlushAsync(linked.Token);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException)
        {
            // The client hung up: the point of the test.
        }
    };

    /// <summary>Declares 10 000 bytes, sends half, then waits until the client hangs up.</summary>
    public Func<HttpContext, Task> StallMidBody() => async context =>
    {
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = 10_000;
        await context.Response.WriteAsync("{\"a\":\"" + new string('x', 4_994));
        await context.Response.Body.FlushAsync();
        Reached.TrySetResult();
        await Hang(context);
    };

    /// <summary>Accepts the request, then answers nothing until the client hangs up (a 12 s supplier, or worse).</summary>
    public Func<HttpContext, Task> Latency() => async context =>
    {
        Reached.TrySetResult();
        await Hang(context);
    };

    /// <summary>
    /// Streams <paramref name="bytes"/> of JSON (no Content-Length), or declares them up front. With
    /// <paramref name="oneString"/> the body is a single string value, so a reader that buffers tokens would hold it all.
    /// </summary>
    public Func<HttpContext, Task> Huge(long bytes, bool oneString, bool declare = false) => async context =>
    {
        context.Response.ContentType = "application/json";
        if (declare)
        {
            context.Response.ContentLength = bytes;
        }

        var chunk = System.Text.Encoding.ASCII.GetBytes(oneString ? new string('a', 64 * 1024) : string.Concat(Enumerable.Repeat("{\"a\":1},", 8 * 1024)));
        try
        {
            await context.Response.WriteAsync(oneString ? "{\"a\":\"" : "[", context.RequestAborted);
            for (long sent = 0; sent < bytes && !context.RequestAborted.IsCancellationRequested; sent += chunk.Length)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException)
        {
            // The client stopped reading at its cap and hung up.
        }
    };

    public static Func<HttpContext, Task> Status(int status, string? retryAfter = null) => context =>
    {
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        return Json(context, "{}", status);
    };

    private async Task Hang(HttpContext context)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, Stopping);
        try
        {
            await Task.Delay(Timeout.Infinite, linked.Token);
        }
        catch (OperationCanceledException)
        {
            // The client gave up (or the test ended).
        }
    }

    /// <summary>Both suppliers, registered as the app registers them, pointed at this server, on one fake clock.</summary>
    public IHost BuildSuppliers(FakeTimeProvider time, TimeSpan attemptTimeout, long maxResponseBytes = 1024 * 1024, int maxRetries = 0)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [SchneiderOptions.SectionName + ":BaseUrl"] = new Uri(BaseUrl, "v1/").ToString(),
            [SchneiderOptions.SectionName + ":ApiKey"] = "test-key",
            [SchneiderOptions.SectionName + ":DefaultCountry"] = "FR",
            [SchneiderOptions.SectionName + ":AttemptTimeout"] = attemptTimeout.ToString(),
            [SchneiderOptions.SectionName + ":TotalTimeout"] = (attemptTimeout * 4).ToString(),
            [SchneiderOptions.SectionName + ":MaxRetries"] = maxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [SchneiderOptions.SectionName + ":RetryBaseDelay"] = "00:00:00",
            [SchneiderOptions.SectionName + ":MaxResponseBytes"] = maxResponseBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [IngramOptions.SectionName + ":BaseUrl"] = BaseUrl.ToString(),
            [IngramOptions.SectionName + ":CustomerNumber"] = "20-123456",
            [IngramOptions.SectionName + ":EnforceAvailability"] = "false",
            [IngramOptions.SectionName + ":AttemptTimeout"] = attemptTimeout.ToString(),
            [IngramOptions.SectionName + ":TotalTimeout"] = (attemptTimeout * 4).ToString(),
            [IngramOptions.SectionName + ":MaxRetries"] = maxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [IngramOptions.SectionName + ":RetryBaseDelay"] = "00:00:00",
            [IngramOptions.SectionName + ":MaxResponseBytes"] = maxResponseBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.AddSchneiderSupplier();
        builder.AddIngramSupplier();
        builder.Services.AddSingleton<OrderLookup>();
        return builder.Build();
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
