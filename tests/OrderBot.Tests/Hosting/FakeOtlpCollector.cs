using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OrderBot.TestKit.Protocol;

namespace OrderBot.Tests.Hosting;

/// <summary>
/// An OTLP/HTTP collector on loopback that keeps every export request body (protobuf). Protobuf writes strings as
/// plain UTF-8, so a span name, an instrument name or an attribute value can be found in the bytes.
/// </summary>
internal sealed class FakeOtlpCollector : IAsyncDisposable
{
    private readonly ConcurrentQueue<(string Path, byte[] Body)> _exports = new();
    private readonly WebApplication _app;

    private FakeOtlpCollector(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<FakeOtlpCollector> StartAsync()
    {
        FakeOtlpCollector? collector = null;
        var (app, address) = await LoopbackServer.StartAsync(a => a.MapPost("/v1/{signal}", async (string signal, HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            collector!._exports.Enqueue(("/v1/" + signal, body.ToArray()));
            context.Response.ContentType = "application/x-protobuf";
            return Results.Ok();
        }));
        collector = new FakeOtlpCollector(app, address);
        return collector;
    }

    /// <summary>Every body received on <c>/v1/{signal}</c> (traces, metrics, logs), as text for searching.</summary>
    public string Received(string signal) =>
        string.Join('\n', _exports.Where(e => e.Path == "/v1/" + signal).Select(e => System.Text.Encoding.UTF8.GetString(e.Body)));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
