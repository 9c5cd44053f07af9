using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrderBot.Sandbox.Ingram;

/// <summary>
/// Demo and test controls, not part of Ingram's API: <c>POST /_sandbox/ingram/orders/{order}/hold?code=CH[&amp;text=…]</c>,
/// <c>…/status?code=C&amp;label=CREDIT%20HOLD</c> (a status with no hold reason code), <c>…/release</c>, <c>…/ship</c>, <c>POST /_sandbox/ingram/reset</c>, and
/// <c>POST /_sandbox/ingram/faults?failNext=N&amp;status=503&amp;tooManyRequests=N&amp;malformed=N&amp;truncated=N&amp;latencyMs=N&amp;outsideWindow=true&amp;revokeTokens=true</c>.
/// </summary>
internal static class IngramSandboxControl
{
    public static void Map(IEndpointRouteBuilder endpoints, IngramSandboxState state)
    {
        var group = endpoints.MapGroup("/_sandbox/ingram");
        group.MapPost("/orders/{order}/hold", (string order, string? code, string? text) =>
            state.Data.Hold(order, code ?? "SH", text) ? Results.NoContent() : Results.NotFound());
        group.MapPost("/orders/{order}/status", (string order, string code, string? label) =>
            state.Data.SetStatus(order, code.Trim().ToUpperInvariant(), label ?? code) ? Results.NoContent() : Results.NotFound());
        group.MapPost("/orders/{order}/release", (string order) => state.Data.Release(order) ? Results.NoContent() : Results.NotFound());
        group.MapPost("/orders/{order}/ship", (string order) => state.Data.Ship(order) ? Results.NoContent() : Results.NotFound());
        group.MapPost("/reset", () =>
        {
            state.Data.Reset();
            state.Faults.Clear();
            return Results.NoContent();
        });
        group.MapPost("/faults", (HttpContext context) =>
        {
            var query = context.Request.Query;
            var faults = state.Faults;
            faults.FailNext(Int(query["failNext"]), Int(query["status"], 503));
            faults.TooManyRequestsNext(Int(query["tooManyRequests"]));
            faults.MalformedNext(Int(query["malformed"]));
            faults.TruncatedNext(Int(query["truncated"]));
            if (query.ContainsKey("latencyMs"))
            {
                faults.Latency = TimeSpan.FromMilliseconds(Int(query["latencyMs"]));
            }

            if (bool.TryParse(query["outsideWindow"], out var outside))
            {
                faults.ForceOutsideWindow = outside;
            }

            if (bool.TryParse(query["revokeTokens"], out var revoke) && revoke)
            {
                state.Tokens.RevokeAll();
            }

            return Results.NoContent();
        });
    }

    private static int Int(Microsoft.Extensions.Primitives.StringValues value, int fallback = 0) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : fallback;
}
