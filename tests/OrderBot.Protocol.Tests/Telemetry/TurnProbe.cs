using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OrderBot.Protocol.Routing;
using OrderBot.Protocol.Tests.Hosting;

namespace OrderBot.Protocol.Tests.Telemetry;

/// <summary>What a handler saw of its turn: the correlation id, the current span and that span's parent.</summary>
internal sealed record SeenTurn(string CorrelationId, System.Diagnostics.ActivitySpanId? CurrentSpanId, System.Diagnostics.ActivitySpanId? ParentSpanId, string? ParentOperationName);

/// <summary>A message route that records what it saw, logs one line through its own logger, echoes, or throws on "boom".</summary>
internal sealed class TurnProbe
{
    private readonly ConcurrentQueue<SeenTurn> _seen = new();

    public IReadOnlyList<SeenTurn> Seen => _seen.ToArray();

    public void Routes(ActivityRouter router, HandlerCounter counter) => router.OnMessage(async (turn, ct) =>
    {
        counter.Increment();
        var current = System.Diagnostics.Activity.Current;
        _seen.Enqueue(new SeenTurn(turn.CorrelationId, current?.SpanId, current?.Parent?.SpanId, current?.Parent?.OperationName));
        var logger = turn.Services.GetService<ILogger<TurnProbe>>() ?? NullLogger<TurnProbe>.Instance;
        logger.LogInformation("Handler working on the turn");
        if (turn.Text == "boom")
        {
            throw new InvalidOperationException("handler exploded");
        }

        await turn.SendAsync("echo: " + turn.Text, ct);
    });
}
