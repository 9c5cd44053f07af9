using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OrderBot.Benchmarks.Http;

/// <summary>
/// The fake Bot Connector, a process of its own (<c>http --role connector --port N</c>): every POST under
/// <c>/v3/conversations/</c> is a reply, answered 200 <c>{"id":"…"}</c> as the real Connector does, and counted;
/// <c>GET /count</c> returns the count. The serviceUrl of every activity the load client posts points here.
/// </summary>
internal static class FakeConnectorProcess
{
    private static readonly byte[] Answer = """{"id":"1"}"""u8.ToArray();
    private static long _replies;

    public static async Task RunAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, port));
        await using var app = builder.Build();
        app.MapPost("/v3/conversations/{**rest}", async (HttpContext context) =>
        {
            // Read the whole body, as a real Connector does, before answering.
            var buffer = new byte[16 * 1024];
            while (await context.Request.Body.ReadAsync(buffer, context.RequestAborted) > 0)
            {
            }

            Interlocked.Increment(ref _replies);
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.ContentLength = Answer.Length;
            await context.Response.Body.WriteAsync(Answer, context.RequestAborted);
        });
        app.MapGet("/count", () => Interlocked.Read(ref _replies).ToString(CultureInfo.InvariantCulture));
        await app.StartAsync();
        Console.WriteLine("listening");
        await app.WaitForShutdownAsync();
    }
}
